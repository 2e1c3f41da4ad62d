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
  const port = parsed.MAILVET_PROBER_PORT;
  return {
    port,
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
    /** Where `/metrics` is served (metrics/metrics-server.ts), or null for nowhere. */
    metrics: parsed.MAILVET_PROBER_METRICS_PORT === undefined ? null : { host: parsed.MAILVET_PROBER_METRICS_HOST, port: parsed.MAILVET_PROBER_METRICS_PORT },
  };
}
