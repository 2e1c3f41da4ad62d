import { execFileSync } from "node:child_process";
import type { MtaFarm } from "../../infra/local/mta/peer";

/** The Postfix settings that decide how a session with many unknown recipients, or many sessions, go. */
const LIMITS = ["smtpd_soft_error_limit", "smtpd_hard_error_limit", "smtpd_error_sleep_time", "smtpd_junk_command_limit", "smtpd_client_connection_count_limit", "smtpd_client_connection_rate_limit", "in_flow_delay"];

/**
 * The farm's Postfix limits as it runs them (postconf, defaults included), `name=value, …`:
 * what a bench's SMTP figures were measured against, printed beside them.
 *
 * @example
 * farmLimits(farm); // "smtpd_soft_error_limit=10, smtpd_hard_error_limit=20, smtpd_error_sleep_time=1s, …"
 */
export function farmLimits(farm: Pick<MtaFarm, "runDir">): string {
  const values = execFileSync("postconf", ["-c", `${farm.runDir}/conf`, ...LIMITS], { encoding: "utf8" });
  return values.trim().split("\n").map((line) => line.replace(/\s*=\s*/, "=")).join(", ");
}
