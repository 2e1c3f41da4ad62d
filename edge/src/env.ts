import { DEFAULT_DOH_URLS, EDGE_VARIABLES } from "../../shared/settings/variables";
import { ApiError } from "../../shared/http/api-error";
import { parseSettings, SettingsError } from "../../shared/settings/parse";
import type { JobCoordinator } from "./jobs/coordinator";
import type { JobMessage } from "./jobs/messages";
import type { Caller } from "./middleware/caller";

/** The bindings wrangler.toml and `npm start` give the edge Worker. */
export interface Env {
  LISTS: KVNamespace;
  /** Bulk uploads, read back for planning and for results. */
  JOBS_BUCKET: R2Bucket;
  /** One Durable Object per bulk job: its state and answers. */
  JOB_COORDINATOR: DurableObjectNamespace<JobCoordinator>;
  /** Bulk jobs' work (domain chunks, assembly, webhooks), consumed by this same Worker. */
  VERIFY_QUEUE: Queue<JobMessage>;
  /** Which bulk jobs are re-verified on a schedule, for the Cron Trigger. */
  JOBS_DB: D1Database;
  /** Requests per key of a secret API key (wrangler.toml `[[ratelimits]]`). */
  RATE_LIMIT_PER_KEY: RateLimit;
  /** Requests per client address, for callers without a secret key. */
  RATE_LIMIT_PER_CLIENT: RateLimit;
  MAILVET_DOH_URL?: string;
  MAILVET_PROBERS?: string;
  MAILVET_PROBER_SECRET?: string;
  MAILVET_API_KEYS?: string;
  MAILVET_ALLOW_RESERVED_DOMAINS?: string;
  MAILVET_RATE_LIMIT?: string;
  MAILVET_RESULT_CACHE_TTL?: string;
  MAILVET_JOB_RETENTION_DAYS?: string;
  MAILVET_JOB_MAX_ROWS?: string;
  MAILVET_JOB_MAX_BYTES?: string;
  MAILVET_JOB_DOMAIN_CHUNKS?: string;
  MAILVET_JOB_DOMAIN_RATE?: string;
  MAILVET_JOB_GREYLIST_RETRIES?: string;
  MAILVET_JOB_TEMPORARY_RETRIES?: string;
  MAILVET_JOB_GREYLIST_MAX_WAIT?: string;
  MAILVET_JOB_PROBER_RETRIES?: string;
  MAILVET_JOB_WEBHOOK_BACKOFF?: string;
  MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE?: string;
}

export type AppEnv = { Bindings: Env; Variables: { caller: Caller } };

declare global {
  namespace Cloudflare {
    // What `env` from "cloudflare:workers" holds, for code and tests that import it.
    interface Env extends MailvetEnv {}
  }
}
type MailvetEnv = Env;

export type EdgeSettings = ReturnType<typeof readEdgeSettings>;

/**
 * The edge's settings, validated. `npm start` validates the same variables before it starts
 * workerd, so a bad value is caught there; a deployed Worker with a bad value fails each request
 * with a 500 rather than run on a misread setting.
 */
function readEdgeSettings(env: Env) {
  const parsed = parseSettings(env as unknown as Record<string, unknown>, EDGE_VARIABLES);
  return {
    dohUrls: parsed.MAILVET_DOH_URL ?? DEFAULT_DOH_URLS,
    probers: parsed.MAILVET_PROBERS ?? [],
    proberSecrets: parsed.MAILVET_PROBER_SECRET ?? [],
    apiKeys: parsed.MAILVET_API_KEYS ?? [],
    allowReservedDomains: parsed.MAILVET_ALLOW_RESERVED_DOMAINS ?? false,
    rateLimit: parsed.MAILVET_RATE_LIMIT ?? true,
    resultCacheTtlSeconds: parsed.MAILVET_RESULT_CACHE_TTL ?? 600,
    jobRetentionDays: parsed.MAILVET_JOB_RETENTION_DAYS ?? 7,
    jobLimits: {
      maxRows: parsed.MAILVET_JOB_MAX_ROWS ?? 5_000_000,
      maxBytes: parsed.MAILVET_JOB_MAX_BYTES ?? 1024 ** 3,
    },
    // First tries: one chunk per session a prober opens to one host by default
    // (MAILVET_PROBER_PER_HOST_SESSIONS); the prober's politeness decides how fast each goes.
    jobDomainChunks: parsed.MAILVET_JOB_DOMAIN_CHUNKS ?? 2,
    // Retries: as polite as one prober is by default (MAILVET_PROBER_DOMAIN_RATE), however many run a job.
    jobDomainRate: parsed.MAILVET_JOB_DOMAIN_RATE ?? 5,
    // Waits of 60, 120, 240, 480 and 960 s: tries up to 31 minutes after the first, past
    // postgrey's default delay (300 s) by the third retry.
    jobGreylistRetries: parsed.MAILVET_JOB_GREYLIST_RETRIES ?? 5,
    // Tries again 1, 3 and 7 minutes after the first.
    jobTemporaryRetries: parsed.MAILVET_JOB_TEMPORARY_RETRIES ?? 3,
    jobGreylistMaxWaitSeconds: parsed.MAILVET_JOB_GREYLIST_MAX_WAIT ?? 3_600,
    jobProberRetries: parsed.MAILVET_JOB_PROBER_RETRIES ?? 3,
    jobWebhookBackoffSeconds: parsed.MAILVET_JOB_WEBHOOK_BACKOFF ?? 10,
    jobWebhookAllowPrivate: parsed.MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE ?? false,
  };
}

const settingsByEnv = new WeakMap<Env, EdgeSettings>();

/**
 * The settings of this isolate's environment, parsed once: the env object lives as long as the
 * isolate, so requests after the first pay nothing.
 *
 * @example
 * const { apiKeys } = edgeSettings(c.env);
 */
export function edgeSettings(env: Env): EdgeSettings {
  let settings = settingsByEnv.get(env);
  if (!settings) {
    try {
      settings = readEdgeSettings(env);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      // The message names variables and what is wrong with them, never their values.
      console.error(`bad settings:\n${error.message}`);
      throw new ApiError(500, "internal", "the edge's settings are invalid; its log says which");
    }
    settingsByEnv.set(env, settings);
  }
  return settings;
}
