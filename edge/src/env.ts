import { EDGE_VARIABLES, type VariableOf } from "../../shared/settings/variables";
import { logLine } from "../../shared/log/json-log";
import { ApiError } from "../../shared/http/api-error";
import { parseSettings, SettingsError } from "../../shared/settings/parse";
import type { JobCoordinator } from "./jobs/coordinator";
import type { JobMessage } from "./jobs/messages";
import type { Caller } from "./middleware/caller";

/**
 * The bindings wrangler.toml and `npm start` give the edge Worker, typed by hand: each names the
 * Durable Object class or queue message it carries, which `wrangler types` cannot know, and
 * there are seven, changed only with wrangler.toml.
 */
interface EdgeBindings {
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
  /** One data point per verification and per job step (analytics/); absent where wrangler.toml lacks it. */
  ANALYTICS?: AnalyticsEngineDataset;
}

/** The MAILVET_* variables the edge reads (shared/settings/variables.ts), as raw strings. */
type EdgeVariables = { [Name in VariableOf<"edge">]?: string };

/** What the edge Worker's `env` holds. */
export interface Env extends EdgeBindings, EdgeVariables {}

export type AppEnv = { Bindings: Env; Variables: { caller: Caller; requestId: string } };

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
    dohUrls: parsed.MAILVET_DOH_URL,
    probers: parsed.MAILVET_PROBERS,
    proberSecrets: parsed.MAILVET_PROBER_SECRET,
    apiKeys: parsed.MAILVET_API_KEYS,
    allowReservedDomains: parsed.MAILVET_ALLOW_RESERVED_DOMAINS,
    rateLimit: parsed.MAILVET_RATE_LIMIT,
    resultCacheTtlSeconds: parsed.MAILVET_RESULT_CACHE_TTL,
    jobRetentionDays: parsed.MAILVET_JOB_RETENTION_DAYS,
    jobLimits: { maxRows: parsed.MAILVET_JOB_MAX_ROWS, maxBytes: parsed.MAILVET_JOB_MAX_BYTES },
    jobDomainChunks: parsed.MAILVET_JOB_DOMAIN_CHUNKS,
    jobDomainRate: parsed.MAILVET_JOB_DOMAIN_RATE,
    jobGreylistRetries: parsed.MAILVET_JOB_GREYLIST_RETRIES,
    jobTemporaryRetries: parsed.MAILVET_JOB_TEMPORARY_RETRIES,
    jobGreylistMaxWaitSeconds: parsed.MAILVET_JOB_GREYLIST_MAX_WAIT,
    jobProberRetries: parsed.MAILVET_JOB_PROBER_RETRIES,
    jobWebhookBackoffSeconds: parsed.MAILVET_JOB_WEBHOOK_BACKOFF,
    jobWebhookAllowPrivate: parsed.MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE,
    softBounceDays: parsed.MAILVET_SOFT_BOUNCE_DAYS,
    bounceWebhooks: parsed.MAILVET_BOUNCE_WEBHOOKS,
    returnPathSecrets: parsed.MAILVET_RETURN_PATH_SECRET,
    returnPathDomain: parsed.MAILVET_RETURN_PATH_DOMAIN,
    spamhausDqsKey: parsed.MAILVET_SPAMHAUS_DQS_KEY,
    proberBlockWindowSeconds: parsed.MAILVET_PROBER_BLOCK_WINDOW,
    proberBlockDomains: parsed.MAILVET_PROBER_BLOCK_DOMAINS,
    analyticsLocal: parsed.MAILVET_ANALYTICS_LOCAL,
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
      logLine("error", "bad settings", { problems: error.message });
      throw new ApiError(500, "internal", "the edge's settings are invalid; its log says which");
    }
    settingsByEnv.set(env, settings);
  }
  return settings;
}
