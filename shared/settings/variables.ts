import { z } from "zod";
import { apiKeysVariable } from "./api-keys";

/**
 * Parsers for the MAILVET_* environment variables of the contract. Each turns the raw string
 * into a typed value or fails with a message that a person can act on; defaults that depend on
 * the machine (host name, ports of the local stack) are filled in by the process that owns them.
 */
const port = z
  .string()
  .regex(/^\d{1,5}$/, "must be a port number")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be a port from 1 to 65535").max(65535, "must be a port from 1 to 65535"));

const onOff = z
  .enum(["0", "1", "true", "false", ""], { error: "must be 1 or 0" })
  .transform((value) => value === "1" || value === "true");

const commaList = (item: z.ZodType<string, string>, what: string) =>
  z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1, `must list at least one ${what}`));

const httpUrl = z.url({ protocol: /^https?$/, error: "must be http(s) URLs" });

/** 127.0.0.0/8, ::1 and localhost, as the URL parser writes their host names. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * A prober's URL: https, so nobody on the way reads or changes the probes and their answers;
 * plain http only for a loopback host, which the local stack and the test suites use and where
 * nothing goes over a network.
 */
const proberUrl = httpUrl.refine((url) => {
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || LOOPBACK_HOST.test(hostname);
}, "must be https (plain http only on a loopback address such as 127.0.0.1)");

const proberList = z
  .string()
  .transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be JSON like [{"id":"eu1","region":"eu","url":"https://…"}]' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(z.object({ id: z.string().min(1), region: z.string().min(1), url: proberUrl }).strict())
      .min(1, "must list at least one prober"),
  );

/** A whole number from `min` to `max`; `unit` names what it counts, for the messages. */
const wholeNumber = (min: number, max: number, unit = "") =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number${unit && ` of ${unit}`}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `must be at least ${min}${unit && ` ${unit}`}`)
        .max(max, `must be at most ${max}${unit && ` ${unit}`}`),
    );

const positiveInteger = wholeNumber(1, 1_000_000);

/** A rate per second: a decimal such as 0.5 or 200. */
const positiveRate = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "must be a number such as 5 or 0.5")
  .transform(Number)
  .pipe(z.number().positive("must be more than 0").max(1_000_000, "must be at most 1000000"));

const hostName = z
  .string()
  .regex(/^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/, "must be a host name");

export const variables = {
  MAILVET_EDGE_PORT: port,
  MAILVET_PROBER_PORT: port,
  MAILVET_DOH_URL: commaList(httpUrl, "DoH URL"),
  MAILVET_PROBERS: proberList,
  /**
   * The URL the edge reaches this prober by (its `url` in MAILVET_PROBERS): the prober refuses a
   * request signed for any other host, so a captured request cannot be replayed to another prober.
   */
  MAILVET_PROBER_URL: proberUrl,
  MAILVET_PROBER_SECRET: commaList(z.string().min(16, "each key must be at least 16 characters"), "key"),
  MAILVET_SMTP_PORT: port,
  MAILVET_HELO_NAME: hostName,
  MAILVET_MAIL_FROM: z.string().regex(/^[^@\s]+@[^@\s]+$/, "must be an address like verify@example.net"),
  MAILVET_ALLOW_PRIVATE_TARGETS: onOff,
  /** Probe requests (each one SMTP session at a time) a prober runs at once; more get 429. */
  MAILVET_PROBER_MAX_SESSIONS: positiveInteger,
  /** SMTP sessions open at once to one mail server address and to one MX name, over all requests. */
  MAILVET_PROBER_PER_HOST_SESSIONS: positiveInteger,
  /** RCPT commands per second to one mail server address at first (learned up to 5×; named providers have their own). */
  MAILVET_PROBER_HOST_RATE: positiveRate,
  /** Seconds a domain's catch-all answer is reused. */
  MAILVET_PROBER_CATCH_ALL_TTL: positiveInteger,
  /** API keys with their owners and scopes (shared/settings/api-keys.ts); unset, the API is open. */
  MAILVET_API_KEYS: apiKeysVariable,
  MAILVET_ALLOW_RESERVED_DOMAINS: onOff,
  /** `0` turns the edge's rate limits off (benchmarks that send everything from one address). */
  MAILVET_RATE_LIMIT: onOff,
  /** Seconds the edge reuses a result the mail server decided; 0 turns the cache off. */
  MAILVET_RESULT_CACHE_TTL: wholeNumber(0, 86_400, "seconds"),
  /** Days a bulk job's upload and results are kept before they are deleted. */
  MAILVET_JOB_RETENTION_DAYS: wholeNumber(1, 365, "days"),
  /** Data rows one bulk upload may have (413 beyond). */
  MAILVET_JOB_MAX_ROWS: wholeNumber(1, 100_000_000, "rows"),
  /** Bytes one bulk upload may have (413 beyond). */
  MAILVET_JOB_MAX_BYTES: wholeNumber(1, 10 * 1024 ** 3, "bytes"),
  /** Chunks of one domain a job keeps in flight at once (first tries); the prober paces each. */
  MAILVET_JOB_DOMAIN_CHUNKS: wholeNumber(1, 100),
  /** Addresses per second one job sends one domain again (retries), over all its queue consumers. */
  MAILVET_JOB_DOMAIN_RATE: positiveRate,
  /** Times a greylisted address is tried again, after the server's delay, before it is unknown/greylisted. */
  MAILVET_JOB_GREYLIST_RETRIES: wholeNumber(0, 10),
  /** Times an address a reachable server answered only for now (timeout, deferred, no connection) is tried again. */
  MAILVET_JOB_TEMPORARY_RETRIES: wholeNumber(0, 10),
  /** The longest a greylisted or temporarily answered address waits for its retry, whatever delay the server states. */
  MAILVET_JOB_GREYLIST_MAX_WAIT: wholeNumber(1, 43_200, "seconds"),
  /** Times addresses a prober failed on (down, broken, out of time) are tried again on another. */
  MAILVET_JOB_PROBER_RETRIES: wholeNumber(0, 10),
  /** Seconds before a failed webhook delivery is tried again; each later wait is four times longer. */
  MAILVET_JOB_WEBHOOK_BACKOFF: wholeNumber(1, 3_600, "seconds"),
  /** Webhook URLs may be http and reach loopback or private addresses (tests, local use only). */
  MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: onOff,
} as const;

export type VariableName = keyof typeof variables;

/** The variables the edge reads; `npm start` hands it these and no others. */
export const EDGE_VARIABLES = [
  "MAILVET_DOH_URL",
  "MAILVET_PROBERS",
  "MAILVET_PROBER_SECRET",
  "MAILVET_API_KEYS",
  "MAILVET_ALLOW_RESERVED_DOMAINS",
  "MAILVET_RATE_LIMIT",
  "MAILVET_RESULT_CACHE_TTL",
  "MAILVET_JOB_RETENTION_DAYS",
  "MAILVET_JOB_MAX_ROWS",
  "MAILVET_JOB_MAX_BYTES",
  "MAILVET_JOB_DOMAIN_CHUNKS",
  "MAILVET_JOB_DOMAIN_RATE",
  "MAILVET_JOB_GREYLIST_RETRIES",
  "MAILVET_JOB_TEMPORARY_RETRIES",
  "MAILVET_JOB_GREYLIST_MAX_WAIT",
  "MAILVET_JOB_PROBER_RETRIES",
  "MAILVET_JOB_WEBHOOK_BACKOFF",
  "MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE",
] as const satisfies readonly VariableName[];

/** The variables a prober reads; `npm start` hands it these and no others. */
export const PROBER_VARIABLES = [
  "MAILVET_PROBER_PORT",
  "MAILVET_PROBER_URL",
  "MAILVET_DOH_URL",
  "MAILVET_PROBER_SECRET",
  "MAILVET_SMTP_PORT",
  "MAILVET_HELO_NAME",
  "MAILVET_MAIL_FROM",
  "MAILVET_ALLOW_PRIVATE_TARGETS",
  "MAILVET_PROBER_MAX_SESSIONS",
  "MAILVET_PROBER_PER_HOST_SESSIONS",
  "MAILVET_PROBER_HOST_RATE",
  "MAILVET_PROBER_CATCH_ALL_TTL",
] as const satisfies readonly VariableName[];
export type ProberEntry = z.infer<typeof proberList>[number];

/** The DoH upstreams used when MAILVET_DOH_URL is not set: Cloudflare, then Google. */
export const DEFAULT_DOH_URLS = ["https://cloudflare-dns.com/dns-query", "https://dns.google/dns-query"];
