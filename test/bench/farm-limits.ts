import { execFileSync } from "node:child_process";
import { MTA_FARM_HOSTS, type MtaFarm } from "../../infra/local/mta/peer";

/** The Postfix settings that decide how a session with many unknown recipients, or many sessions, go. */
const LIMITS = [
  "smtpd_soft_error_limit",
  "smtpd_hard_error_limit",
  "smtpd_error_sleep_time",
  "smtpd_junk_command_limit",
  "smtpd_client_connection_count_limit",
  "smtpd_client_connection_rate_limit",
  "in_flow_delay",
];

/** Which of the farm's listeners a bench sends its SMTP to: stock Postfix limits, or the farm's relaxed ones. */
export type FarmLimits = "stock" | "relaxed";

/**
 * The farm's listener for benchmarks only, with none of Postfix's self-protection (mx-relaxed),
 * where the farm has one; benches report their figures against it beside the stock ones.
 */
export const RELAXED_HOST: string | undefined = (MTA_FARM_HOSTS as Partial<Record<string, string>>).relaxed;

/**
 * The address of the farm's listener with `limits`: its main host (stock), or RELAXED_HOST.
 *
 * @example
 * startCountingTcpForwarder({ host: farm.hosts.main, port: 0 }, { host: farmListener("relaxed"), port: farm.port });
 */
export function farmListener(limits: FarmLimits): string {
  if (limits === "stock") return MTA_FARM_HOSTS.main;
  if (RELAXED_HOST === undefined) throw new Error("this farm has no relaxed listener");
  return RELAXED_HOST;
}

/**
 * The limits a farm listener runs with, `name=value, …` (postconf: main.cf with defaults, then
 * the listener's own `-o` overrides in master.cf, expanded): what a bench's SMTP figures were measured
 * against, printed beside them.
 *
 * @example
 * farmLimits(farm, farm.hosts.main); // "smtpd_soft_error_limit=10, smtpd_hard_error_limit=20, smtpd_error_sleep_time=1s, …"
 */
export function farmLimits(farm: Pick<MtaFarm, "runDir" | "port">, host: string): string {
  const config = ["-c", `${farm.runDir}/conf`];
  const values = new Map(lines(execFileSync("postconf", [...config, "-x", ...LIMITS], { encoding: "utf8" })).map(([name, value]) => [name, value]));
  const service = `${host}:${farm.port}/inet/`;
  for (const [name, value] of lines(execFileSync("postconf", [...config, "-x", "-P"], { encoding: "utf8" }))) {
    if (name.startsWith(service) && values.has(name.slice(service.length))) values.set(name.slice(service.length), value);
  }
  return [...values].map(([name, value]) => `${name}=${value}`).join(", ");
}

/** `name = value` lines as pairs. */
function lines(text: string): [string, string][] {
  return text
    .trim()
    .split("\n")
    .map((line) => {
      const [name = "", value = ""] = line.split(/\s*=\s*/, 2);
      return [name, value];
    });
}
