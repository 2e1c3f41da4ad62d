import { MailvetApi } from "./api-client";
import type { ApiTarget } from "./args";
import { EXIT, type ExitCode } from "./exit-codes";
import { formatReview } from "./format-review";
import type { CommandIo } from "./io";
import { paintFor } from "./paint";

/**
 * `mailvet reputation --domain <d> --ip <ip>`: the sender's review, readable or, with --json, the
 * API's answer as one JSON object. Exit 0 when no finding fails (warnings and lists that could not
 * be asked are printed, not failed), 1 when one does.
 *
 * @example
 * process.exitCode = await runReputation({ api, json: false, domain: "example.com", ips: ["192.0.2.10"] }, io);
 */
export async function runReputation(command: { api: ApiTarget; json: boolean; domain: string | undefined; ips: string[] }, io: CommandIo): Promise<ExitCode> {
  const review = await new MailvetApi(command.api, io.signal).reputation(command.domain, command.ips);
  io.stdout.write(command.json ? `${JSON.stringify(review)}\n` : `${formatReview(review, paintFor(io.stdout))}\n`);
  return review.findings.some((finding) => finding.status === "fail") ? EXIT.notDeliverable : EXIT.ok;
}
