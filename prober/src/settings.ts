import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { parseSettings, SettingsError } from "../../shared/settings/parse";
import { PROBER_VARIABLES } from "../../shared/settings/variables";

export type ProberSettings = ReturnType<typeof readProberSettings>;

/**
 * The prober's settings from its environment, validated, with the defaults of
 * shared/settings/variables.ts and those that depend on the machine (host name, port). Throws a
 * SettingsError naming each bad variable, or the hop secret when none is set: a prober without
 * one could accept no request, so it must not start.
 *
 * @example
 * const settings = readProberSettings(process.env);
 */
export function readProberSettings(env: Record<string, string | undefined>) {
  const parsed = parseSettings(env, PROBER_VARIABLES);
  if (parsed.MAILVET_PROBER_SECRET.length === 0)
    throw new SettingsError("MAILVET_PROBER_SECRET: must be set; the prober accepts only requests the edge signs with it");
  const heloName = parsed.MAILVET_HELO_NAME ?? hostname();
  const tls = readTls(parsed.MAILVET_PROBER_TLS_CERT, parsed.MAILVET_PROBER_TLS_KEY);
  const port = parsed.MAILVET_PROBER_PORT;
  return {
    port,
    listen: parsed.MAILVET_PROBER_LISTEN,
    /** The certificate and key to serve https with, or null for plain http. */
    tls,
    /** The host the edge signs its requests for (MAILVET_PROBER_URL's `host`). */
    hopHost: new URL(parsed.MAILVET_PROBER_URL ?? `http://127.0.0.1:${port}`).host,
    dohUrls: parsed.MAILVET_DOH_URL,
    secrets: parsed.MAILVET_PROBER_SECRET,
    smtpPort: parsed.MAILVET_SMTP_PORT,
    heloName,
    mailFrom: parsed.MAILVET_MAIL_FROM ?? `verify@${heloName}`,
    allowPrivateTargets: parsed.MAILVET_ALLOW_PRIVATE_TARGETS,
    maxSessions: parsed.MAILVET_PROBER_MAX_SESSIONS,
    perHostSessions: parsed.MAILVET_PROBER_PER_HOST_SESSIONS,
    hostRcptPerSecond: parsed.MAILVET_PROBER_HOST_RATE,
    catchAllTtlSeconds: parsed.MAILVET_PROBER_CATCH_ALL_TTL,
    egressIps: parsed.MAILVET_EGRESS_IPS,
    canaryMx: parsed.MAILVET_DOCTOR_CANARY_MX,
    blocklistResolver: parsed.MAILVET_BLOCKLIST_RESOLVER,
    spamhausDqsKey: parsed.MAILVET_SPAMHAUS_DQS_KEY,
    sourceIp: parsed.MAILVET_PROBER_SOURCE_IP,
    /** Where `/metrics` is served (metrics/metrics-server.ts), or null for nowhere. */
    metrics: parsed.MAILVET_PROBER_METRICS_PORT === undefined ? null : { host: parsed.MAILVET_PROBER_METRICS_HOST, port: parsed.MAILVET_PROBER_METRICS_PORT },
  };
}

/** The PEM certificate and key, read once at start; both or neither must be set. */
function readTls(certFile: string | undefined, keyFile: string | undefined): { cert: string; key: string } | null {
  if (certFile === undefined && keyFile === undefined) return null;
  if (certFile === undefined || keyFile === undefined)
    throw new SettingsError("MAILVET_PROBER_TLS_CERT, MAILVET_PROBER_TLS_KEY: set both to serve https, or neither");
  const read = (name: string, file: string) => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      throw new SettingsError(`${name}: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
  };
  return { cert: read("MAILVET_PROBER_TLS_CERT", certFile), key: read("MAILVET_PROBER_TLS_KEY", keyFile) };
}
