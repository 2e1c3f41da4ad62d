import { openAsBlob } from "node:fs";
import { open } from "node:fs/promises";
import { MailvetApi } from "./api-client";
import type { BouncesCommand } from "./args";
import { CliError, EXIT, type ExitCode } from "./exit-codes";
import type { CommandIo } from "./io";

/**
 * How a bounce file is sent: an mbox (named .mbox or .mbx, or starting with an mbox `From `
 * line) as application/mbox, anything else as a CSV export.
 *
 * @example
 * bounceFileType("bounces.mbox", "From MAILER-DAEMON Fri Dec  4 00:00:00 2026\n"); // "application/mbox"
 */
export function bounceFileType(path: string, head: string): "text/csv" | "application/mbox" {
  return /\.mbo?x$/i.test(path) || /^From \S+ .*\d{1,2}:\d{2}/.test(head) ? "application/mbox" : "text/csv";
}

/**
 * `mailvet bounces import <file>`: uploads the file and prints how many bounces were filed and
 * which items were skipped, with why (the API's answer as one JSON line with --json).
 *
 * @example
 * process.exitCode = await runBouncesImport({ name: "bounces", action: "import", file: "bounces.csv", api, json: false }, io);
 */
export async function runBouncesImport(command: BouncesCommand, io: CommandIo): Promise<ExitCode> {
  let body: Blob;
  let head: string;
  try {
    body = await openAsBlob(command.file);
    await using file = await open(command.file);
    const { buffer, bytesRead } = await file.read({ buffer: Buffer.alloc(200), position: 0 });
    head = buffer.subarray(0, bytesRead).toString("latin1");
  } catch (error) {
    throw new CliError(EXIT.input, `cannot read ${command.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const answer = await new MailvetApi(command.api, io.signal).importBounces(body, bounceFileType(command.file, head));
  if (command.json) {
    io.stdout.write(`${JSON.stringify(answer)}\n`);
    return EXIT.ok;
  }
  io.stdout.write(`imported ${answer.imported}, skipped ${answer.skipped}\n`);
  for (const { item, reason } of answer.reasons) io.stderr.write(`  skipped ${item}: ${reason}\n`);
  return EXIT.ok;
}
