import type { ProbersDoctor } from "../shared/contract/doctor";
import { reportText } from "../shared/doctor/report-text";
import { MailvetApi } from "./api-client";
import type { ApiTarget } from "./args";
import { EXIT, type ExitCode } from "./exit-codes";
import type { CommandIo } from "./io";

/**
 * Every prober's answer as a person reads it: its report (reportText), or the reason the edge
 * could not get one; a blank line between probers.
 *
 * @example
 * doctorText({ probers: [{ id: "eu1", region: "eu", report: null, error: "the prober answered 401" }] });
 * // "prober eu1 (eu): could not be asked: the prober answered 401\n"
 */
export function doctorText({ probers }: ProbersDoctor): string {
  if (probers.length === 0) return "no probers are configured (MAILVET_PROBERS), so there is nothing to examine\n";
  return probers
    .map((prober) => (prober.report === null ? `prober ${prober.id} (${prober.region}): could not be asked: ${prober.error}\n` : reportText(prober.report)))
    .join("\n");
}

/**
 * `mailvet doctor`: asks the edge for every prober's doctor report (`GET /v1/probers/doctor`,
 * an admin key) and prints them readably, or the API's JSON with --json. Exit 0 when every
 * prober answered and every check passes, 1 otherwise.
 *
 * @example
 * process.exitCode = await runDoctor({ api, json: false }, io);
 */
export async function runDoctor(command: { api: ApiTarget; json: boolean }, io: CommandIo): Promise<ExitCode> {
  const answer = await new MailvetApi(command.api, io.signal).proberDoctors();
  io.stdout.write(command.json ? `${JSON.stringify(answer)}\n` : doctorText(answer));
  const healthy = answer.probers.length > 0 && answer.probers.every((prober) => prober.report?.status === "pass");
  return healthy ? EXIT.ok : EXIT.notDeliverable;
}
