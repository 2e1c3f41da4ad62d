import { z } from "zod";
import { commaSeparated } from "../contract/comma-separated";
import { apiKeysVariable } from "./api-keys";
import { bounceWebhooksVariable } from "./bounce-webhooks";
import {
  commaList,
  dnsServer,
  hostName,
  ipAddress,
  httpUrl,
  onOff,
  port,
  positiveInteger,
  positiveRate,
  proberList,
  proberUrl,
  wholeNumber,
} from "./value-parsers";

/** Who reads a variable: the edge Worker, a prober, or only `npm start` (infra/local/start.ts). */
export type VariableUser = "edge" | "prober" | "start script";

/**
 * One MAILVET_* variable: its parser, its default, who reads it and what it means. The README's
 * settings table states the same (shared/settings/readme-table.test.ts holds the two together).
 */
export interface Variable<Value, Users extends readonly VariableUser[], Default extends Value | undefined> {
  schema: z.ZodType<Value, string>;
  users: Users;
  /** What it sets, as the README's table says it. */
  meaning: string;
  /** The value when unset or empty; `undefined` when the process that reads it works it out (host name, ports). */
  default: Default;
  /** How the README states the default, where `default` alone cannot say it (lists, derived values). */
  readmeDefault?: string;
}

/** Builds one entry, keeping its users' names and whether it has a default in its type. */
function variable<Value, const Users extends readonly VariableUser[], Default extends Value | undefined = undefined>(
  entry: Variable<Value, Users, Default>,
): Variable<Value, Users, Default> {
  return entry;
}

/** The DoH upstreams used when MAILVET_DOH_URL is not set: Cloudflare, then Google. */
export const DEFAULT_DOH_URLS = ["https://cloudflare-dns.com/dns-query", "https://dns.google/dns-query"];

/**
 * Every MAILVET_* environment variable of the contract. Adding a setting is one entry here (and
 * its row in the README, which a test asks for); the edge's `Env` type and the lists of what
 * each process is handed follow from it.
 *
 * @example
 * variables.MAILVET_SMTP_PORT.default; // 25
 * variables.MAILVET_SMTP_PORT.schema.parse("2525"); // 2525
 */
export const variables = {
  MAILVET_EDGE_PORT: variable({ schema: port, users: ["start script"], meaning: "edge HTTP port", default: 8787 }),
  MAILVET_PROBER_PORT: variable({ schema: port, users: ["start script", "prober"], meaning: "prober HTTP port", default: 8788 }),
  MAILVET_DOH_URL: variable({
    schema: commaList(httpUrl, "DoH URL"),
    users: ["edge", "prober"],
    meaning: "DNS-over-HTTPS endpoint(s), comma-separated, tried in order",
    default: DEFAULT_DOH_URLS,
    readmeDefault: "Cloudflare, then Google",
  }),
  MAILVET_PROBERS: variable({
    schema: proberList,
    users: ["edge"],
    meaning: 'JSON list of probers `[{"id","region","url"}]`; each `url` https, or http on loopback only; without one, `smtp=true` answers `smtp_skipped`',
    default: [],
    readmeDefault: "none; `npm start`: the local prober",
  }),
  // The prober refuses a request signed for any other host, so a captured request cannot be
  // replayed to another prober.
  MAILVET_PROBER_URL: variable({
    schema: proberUrl,
    users: ["prober"],
    meaning: "the URL the edge reaches this prober by (its `url` in `MAILVET_PROBERS`); requests signed for another host are refused",
    default: undefined,
    readmeDefault: "`http://127.0.0.1:` + the prober port",
  }),
  MAILVET_PROBER_SECRET: variable({
    schema: commaList(z.string().min(16, "each key must be at least 16 characters"), "key"),
    users: ["edge", "prober"],
    meaning: "hop signing key(s), comma-separated for rotation; a prober without one does not start",
    default: [],
    readmeDefault: "none; `npm start`: random per run",
  }),
  MAILVET_SMTP_PORT: variable({ schema: port, users: ["prober"], meaning: "port used to reach MX hosts", default: 25 }),
  MAILVET_HELO_NAME: variable({
    schema: hostName,
    users: ["prober"],
    meaning: "EHLO name (must equal the egress IP's PTR name in production)",
    default: undefined,
    readmeDefault: "the host name",
  }),
  MAILVET_MAIL_FROM: variable({
    schema: z.string().regex(/^[^@\s]+@[^@\s]+$/, "must be an address like verify@example.net"),
    users: ["prober"],
    meaning: "envelope sender for probes",
    default: undefined,
    readmeDefault: "`verify@` + the HELO name",
  }),
  MAILVET_ALLOW_PRIVATE_TARGETS: variable({
    schema: onOff,
    users: ["prober"],
    meaning: "`1` lets the prober reach loopback/private MX addresses (tests only)",
    default: false,
  }),
  // Safe for a prober on a real IP; tests and benchmarks raise it.
  MAILVET_PROBER_MAX_SESSIONS: variable({
    schema: positiveInteger,
    users: ["prober"],
    meaning: 'probe requests in flight; past it, or past one caller\'s fair share of it (see "Rate limits"), `POST /v1/probe` answers 429 at once',
    default: 32,
  }),
  // More sessions at once looks like a spam run to most MTAs; many MX names on one server share
  // its limit, and servers that refuse fewer teach the prober so.
  MAILVET_PROBER_PER_HOST_SESSIONS: variable({
    schema: positiveInteger,
    users: ["prober"],
    meaning: "SMTP sessions open at once per mail server address and per MX name (lowered per server when it refuses more)",
    default: 2,
  }),
  MAILVET_PROBER_HOST_RATE: variable({
    schema: positiveRate,
    users: ["prober"],
    meaning:
      'RCPT commands per second to one mail server address at first; clean answers raise it up to 5×, throttling replies halve it (Google and Microsoft have their own, see "Politeness")',
    default: 10,
  }),
  // An hour: a domain costs one extra RCPT an hour.
  MAILVET_PROBER_CATCH_ALL_TTL: variable({
    schema: positiveInteger,
    users: ["prober"],
    meaning: "seconds a domain's catch-all answer is kept",
    default: 3600,
  }),
  MAILVET_API_KEYS: variable({
    schema: apiKeysVariable,
    users: ["edge"],
    meaning: 'API keys with owners and scopes (JSON, see "API keys"), or comma-separated keys of 16 characters or more; when set `/v1/*` needs a bearer key',
    default: [],
    readmeDefault: "unset = open",
  }),
  MAILVET_RATE_LIMIT: variable({
    schema: onOff,
    users: ["edge"],
    meaning: "`0` turns the edge's rate limits off (benchmarks that send everything from one address)",
    default: true,
  }),
  MAILVET_ALLOW_RESERVED_DOMAINS: variable({
    schema: onOff,
    users: ["edge"],
    meaning: "`1` lets reserved/special-use domains through (tests only)",
    default: false,
  }),
  MAILVET_JOB_RETENTION_DAYS: variable({
    schema: wholeNumber(1, 365, "days"),
    users: ["edge"],
    meaning: "days a bulk job's upload and answers are kept; then a Durable Object alarm deletes them and the job is 404",
    default: 7,
  }),
  MAILVET_RESULT_CACHE_TTL: variable({
    schema: wholeNumber(0, 86_400, "seconds"),
    users: ["edge"],
    meaning:
      "seconds a result the mail server decided (accepted, catch-all, not found, disabled, full) is reused for the same normalized address; `0` turns it off",
    default: 600,
  }),
  MAILVET_JOB_MAX_BYTES: variable({
    schema: wholeNumber(1, 10 * 1024 ** 3, "bytes"),
    users: ["edge"],
    meaning: "bytes one bulk upload may have (413 beyond)",
    default: 1024 ** 3,
    readmeDefault: "1073741824 (1 GiB)",
  }),
  MAILVET_JOB_MAX_ROWS: variable({
    schema: wholeNumber(1, 100_000_000, "rows"),
    users: ["edge"],
    meaning: "data rows one bulk upload may have (413 beyond)",
    default: 5_000_000,
  }),
  // One chunk per session a prober opens to one host by default (MAILVET_PROBER_PER_HOST_SESSIONS);
  // the prober's politeness decides how fast each goes.
  MAILVET_JOB_DOMAIN_CHUNKS: variable({
    schema: wholeNumber(1, 100),
    users: ["edge"],
    meaning: "chunks (of up to 50 addresses) of one domain a job keeps in flight; the prober paces each",
    // Two sessions at each of two MX hosts: a domain whose equal-preference hosts spread the
    // load keeps them busy, and a single-host domain queues at most two chunks at the prober.
    default: 4,
  }),
  // As polite as one prober is by default, however many run a job.
  MAILVET_JOB_DOMAIN_RATE: variable({
    schema: positiveRate,
    users: ["edge"],
    meaning: "addresses per second one job sends one domain again (retries), over all its consumers",
    default: 5,
  }),
  // Waits of 60, 120, 240, 480 and 960 s: tries up to 31 minutes after the first, past
  // postgrey's default delay (300 s) by the third retry.
  MAILVET_JOB_GREYLIST_RETRIES: variable({
    schema: wholeNumber(0, 10),
    users: ["edge"],
    meaning: "times a greylisted address is tried again (after the server's stated delay, else 60 s, then 120, 240, …)",
    default: 5,
  }),
  // Tries again 1, 3 and 7 minutes after the first.
  MAILVET_JOB_TEMPORARY_RETRIES: variable({
    schema: wholeNumber(0, 10),
    users: ["edge"],
    meaning: "times an address a reachable server answered with `timeout`, `deferred`, `no_connect` or `error` is tried again, on the same schedule",
    default: 3,
  }),
  MAILVET_JOB_GREYLIST_MAX_WAIT: variable({
    schema: wholeNumber(1, 43_200, "seconds"),
    users: ["edge"],
    meaning: "longest wait, in seconds, before a greylisted or temporarily answered address is tried again",
    default: 3600,
  }),
  MAILVET_JOB_PROBER_RETRIES: variable({
    schema: wholeNumber(0, 10),
    users: ["edge"],
    meaning: "times addresses no prober could answer are tried again, on another prober first",
    default: 3,
  }),
  MAILVET_JOB_WEBHOOK_BACKOFF: variable({
    schema: wholeNumber(1, 3_600, "seconds"),
    users: ["edge"],
    meaning: "seconds before a failed webhook delivery is retried; each later wait is 4× longer, 8 attempts in all",
    default: 10,
  }),
  MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: variable({
    schema: onOff,
    users: ["edge"],
    meaning: "`1` lets webhook URLs use http and reach loopback/private addresses (tests, local use only)",
    default: false,
  }),
  // A full mailbox or a rate limit says nothing of the address a week later.
  MAILVET_SOFT_BOUNCE_DAYS: variable({
    schema: wholeNumber(1, 365, "days"),
    users: ["edge"],
    meaning: "days a soft bounce stays on the suppression list (flagged in results) after it was last seen; hard bounces and complaints stay until removed",
    default: 7,
  }),
  MAILVET_BOUNCE_WEBHOOKS: variable({
    schema: bounceWebhooksVariable,
    users: ["edge"],
    meaning:
      'JSON: per API key id, the secrets of its ESP bounce webhooks (`ses.topics`, `sendgrid.publicKey`, `mailgun.signingKey`, `postmark.username`/`password`, `resend.secret`), see "Bounce webhooks"',
    default: {},
    readmeDefault: "none",
  }),
  // Several secrets: a rotation signs with the first and still takes the others' bounces.
  MAILVET_RETURN_PATH_SECRET: variable({
    schema: commaSeparated.pipe(z.array(z.string().min(16, "each return-path secret must be at least 16 characters"))),
    users: ["edge"],
    meaning:
      "secret(s), comma-separated, that sign the return paths (`b+<owner>.<recipient hash>.<mac>@<domain>`) whose bounces the Email Worker takes; unset, it rejects every message",
    default: [],
    readmeDefault: "none",
  }),
  MAILVET_RETURN_PATH_DOMAIN: variable({
    schema: hostName,
    users: ["edge"],
    meaning: "the domain Email Routing sends the return-path addresses of (e.g. `bounces.example.com`); mail to any other domain is rejected",
    default: undefined,
    readmeDefault: "none",
  }),
  // Spamhaus refuses public resolvers (127.255.255.254); its Data Query Service answers anyone with a key.
  MAILVET_SPAMHAUS_DQS_KEY: variable({
    schema: z.string().regex(/^[a-z0-9]{8,64}$/, "must be the lower-case letters and digits of a Spamhaus DQS key"),
    users: ["edge", "prober"],
    meaning:
      "Spamhaus Data Query Service key: ZEN and DBL are asked at `<key>.zen.dq.spamhaus.net` and `<key>.dbl.dq.spamhaus.net`, which answer from any resolver",
    default: undefined,
    readmeDefault: "none: the public zones",
  }),
  // The doctor (prober/src/doctor/) reads these; a prober probes the same without them.
  MAILVET_EGRESS_IPS: variable({
    schema: commaList(ipAddress, "IP address"),
    users: ["prober"],
    meaning: "the public IPv4/IPv6 addresses the prober sends from, comma-separated, for `mailvet doctor` (else discovered from the canary connection)",
    default: [],
    readmeDefault: "discovered",
  }),
  MAILVET_DOCTOR_CANARY_MX: variable({
    schema: hostName,
    users: ["prober"],
    meaning: "a mail server the doctor connects to on the SMTP port, to see that port 25 is open and the greeting is not a block",
    default: undefined,
    readmeDefault: "none: the port-25 check is unknown",
  }),
  MAILVET_BLOCKLIST_RESOLVER: variable({
    schema: dnsServer,
    users: ["prober"],
    meaning: "your own DNS resolver (`host` or `host:port`, plain DNS) the doctor asks block lists through; public resolvers are refused by Spamhaus",
    default: undefined,
    readmeDefault: "none: block lists are unknown",
  }),
  MAILVET_PROBER_BLOCK_WINDOW: variable({
    schema: wholeNumber(60, 86_400, "seconds"),
    users: ["edge"],
    meaning: "seconds over which the edge counts the domains whose servers sent a prober block replies",
    default: 3600,
  }),
  MAILVET_PROBER_BLOCK_DOMAINS: variable({
    schema: wholeNumber(1, 1_000),
    users: ["edge"],
    meaning: "distinct domains blocking a prober within the window that mark it degraded",
    default: 3,
  }),
  MAILVET_PROBER_SOURCE_IP: variable({
    schema: ipAddress,
    users: ["prober"],
    meaning: "the address of this machine SMTP connections are made from (to servers of its family)",
    default: undefined,
    readmeDefault: "the system picks",
  }),
  // Loopback by default: a prober behind Caddy or nginx needs no more; one that serves https
  // itself listens on its public address.
  MAILVET_PROBER_LISTEN: variable({
    schema: z.string().regex(/^[0-9a-fA-F.:]+$/, "must be an IP address such as 0.0.0.0 or ::"),
    users: ["prober"],
    meaning: "address the prober listens on (`0.0.0.0` or `::` for all)",
    default: "127.0.0.1",
  }),
  MAILVET_PROBER_TLS_CERT: variable({
    schema: z.string(),
    users: ["prober"],
    meaning: "PEM certificate chain file; with `MAILVET_PROBER_TLS_KEY` the prober serves https",
    default: undefined,
    readmeDefault: "none: plain http",
  }),
  MAILVET_PROBER_TLS_KEY: variable({
    schema: z.string(),
    users: ["prober"],
    meaning: "PEM private key file of `MAILVET_PROBER_TLS_CERT`",
    default: undefined,
    readmeDefault: "none",
  }),
  // Prometheus cannot sign hop requests, so the metrics get a listener of their own, off the
  // hop's port and on loopback unless the host below says otherwise.
  MAILVET_PROBER_METRICS_PORT: variable({
    schema: port,
    users: ["prober"],
    meaning: 'port of the prober\'s Prometheus `/metrics` (unauthenticated, its own listener; see "Seeing what it does"); unset, no metrics listener',
    default: undefined,
    readmeDefault: "unset (off)",
  }),
  MAILVET_PROBER_METRICS_HOST: variable({
    schema: z.union([z.ipv4(), z.ipv6()], { error: "must be an IP address" }),
    users: ["prober"],
    meaning: "address the metrics listener binds to; anything but loopback exposes the metrics to that network",
    default: "127.0.0.1",
  }),
  // workerd's local Analytics Engine binding keeps nothing, so `npm start` and the tests write the
  // same data points to a table they can read.
  MAILVET_ANALYTICS_LOCAL: variable({
    schema: onOff,
    users: ["edge"],
    meaning: "`1` writes the analytics data points to the D1 table `analytics_points` instead of Workers Analytics Engine (local use and tests)",
    default: false,
    readmeDefault: "off; `npm start`: on",
  }),
};

export type VariableName = keyof typeof variables;

/** The variables `user` reads, e.g. `VariableOf<"edge">`. */
export type VariableOf<User extends VariableUser> = {
  [Name in VariableName]: User extends (typeof variables)[Name]["users"][number] ? Name : never;
}[VariableName];

/** The names of the variables `user` reads, in the table's order. */
function variablesOf<User extends VariableUser>(user: User): VariableOf<User>[] {
  return (Object.keys(variables) as VariableName[]).filter((name): name is VariableOf<User> =>
    (variables[name].users as readonly VariableUser[]).includes(user),
  );
}

/**
 * The variables the edge reads; `npm start` hands it these and no others.
 *
 * @example
 * EDGE_VARIABLES.includes("MAILVET_API_KEYS"); // true
 */
export const EDGE_VARIABLES = variablesOf("edge");

/** The variables a prober reads; `npm start` hands it these and no others. */
export const PROBER_VARIABLES = variablesOf("prober");

export type { ProberEntry } from "./value-parsers";
