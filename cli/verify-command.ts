import { MailvetApi } from "./api-client";
import type { ApiTarget } from "./args";
import { EXIT, type ExitCode } from "./exit-codes";
import { formatResult } from "./format-result";
import { mapInOrder } from "./in-order";
import type { CommandIo } from "./io";
import { paintFor } from "./paint";

/** Addresses checked at once: a few, so a handful of slow mail servers do not queue up. */
const CONCURRENCY = 4;

/**
 * `mailvet verify <address>...`: each result in the order given, readable (a blank line
 * between results) or, with --json, the API's result as one JSON object per line. Exit 0 when
 * every address is deliverable, 1 otherwise.
 *
 * @example
 * process.exitCode = await runVerify({ addresses: ["ann@example.org"], json: false, smtp: true, timeoutMs: undefined, api }, io);
 */
export async function runVerify(
  command: { api: ApiTarget; json: boolean; addresses: string[]; smtp: boolean; timeoutMs: number | undefined },
  io: CommandIo,
): Promise<ExitCode> {
  const api = new MailvetApi(command.api, io.signal);
  const paint = paintFor(io.stdout);
  let allDeliverable = true;
  let index = 0;
  for await (const result of mapInOrder(command.addresses, CONCURRENCY, (email) => api.verify(email, command))) {
    allDeliverable &&= result.verdict === "deliverable";
    io.stdout.write(command.json ? `${JSON.stringify(result)}\n` : `${index++ ? "\n" : ""}${formatResult(result, paint)}\n`);
  }
  return allDeliverable ? EXIT.ok : EXIT.notDeliverable;
}
