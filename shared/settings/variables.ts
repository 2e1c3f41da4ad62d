import { z } from "zod";

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
      .array(z.object({ id: z.string().min(1), region: z.string().min(1), url: httpUrl }).strict())
      .min(1, "must list at least one prober"),
  );

const positiveInteger = z
  .string()
  .regex(/^\d+$/, "must be a whole number")
  .transform(Number)
  .pipe(z.number().int().min(1, "must be at least 1").max(1_000_000, "must be at most 1000000"));

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
  MAILVET_PROBER_SECRET: commaList(z.string().min(16, "each key must be at least 16 characters"), "key"),
  MAILVET_SMTP_PORT: port,
  MAILVET_HELO_NAME: hostName,
  MAILVET_MAIL_FROM: z.string().regex(/^[^@\s]+@[^@\s]+$/, "must be an address like verify@example.net"),
  MAILVET_ALLOW_PRIVATE_TARGETS: onOff,
  /** Probe requests (each one SMTP session at a time) a prober runs at once; more get 429. */
  MAILVET_PROBER_MAX_SESSIONS: positiveInteger,
  /** SMTP sessions open at once to one MX host, over all requests. */
  MAILVET_PROBER_PER_HOST_SESSIONS: positiveInteger,
  /** RCPT commands per second to one domain (a token bucket holding one second's worth). */
  MAILVET_PROBER_DOMAIN_RATE: positiveRate,
  /** Seconds a domain's catch-all answer is reused. */
  MAILVET_PROBER_CATCH_ALL_TTL: positiveInteger,
  MAILVET_API_KEYS: commaList(z.string().min(1), "key"),
  MAILVET_ALLOW_RESERVED_DOMAINS: onOff,
  /** Seconds the edge reuses a result the mail server decided; 0 turns the cache off. */
  MAILVET_RESULT_CACHE_TTL: z
    .string()
    .regex(/^\d+$/, "must be a whole number of seconds")
    .transform(Number)
    .pipe(z.number().int().max(86_400, "must be at most 86400 (a day)")),
  /** Days a bulk job's upload and results are kept before they are deleted. */
  MAILVET_JOB_RETENTION_DAYS: z
    .string()
    .regex(/^\d+$/, "must be a whole number of days")
    .transform(Number)
    .pipe(z.number().int().min(1, "must be at least 1 day").max(365, "must be at most 365 days")),
} as const;

export type VariableName = keyof typeof variables;

/** The variables the edge reads; `npm start` hands it these and no others. */
export const EDGE_VARIABLES = [
  "MAILVET_DOH_URL",
  "MAILVET_PROBERS",
  "MAILVET_PROBER_SECRET",
  "MAILVET_API_KEYS",
  "MAILVET_ALLOW_RESERVED_DOMAINS",
  "MAILVET_RESULT_CACHE_TTL",
  "MAILVET_JOB_RETENTION_DAYS",
] as const satisfies readonly VariableName[];

/** The variables a prober reads; `npm start` hands it these and no others. */
export const PROBER_VARIABLES = [
  "MAILVET_PROBER_PORT",
  "MAILVET_DOH_URL",
  "MAILVET_PROBER_SECRET",
  "MAILVET_SMTP_PORT",
  "MAILVET_HELO_NAME",
  "MAILVET_MAIL_FROM",
  "MAILVET_ALLOW_PRIVATE_TARGETS",
  "MAILVET_PROBER_MAX_SESSIONS",
  "MAILVET_PROBER_PER_HOST_SESSIONS",
  "MAILVET_PROBER_DOMAIN_RATE",
  "MAILVET_PROBER_CATCH_ALL_TTL",
] as const satisfies readonly VariableName[];
export type ProberEntry = z.infer<typeof proberList>[number];

/** The DoH upstreams used when MAILVET_DOH_URL is not set: Cloudflare, then Google. */
export const DEFAULT_DOH_URLS = ["https://cloudflare-dns.com/dns-query", "https://dns.google/dns-query"];
