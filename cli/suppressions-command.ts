import { MailvetApi, type Suppression } from "./api-client";
import type { SuppressionsCommand } from "./args";
import { EXIT, type ExitCode } from "./exit-codes";
import type { CommandIo } from "./io";
import { writeWhole } from "./output-file";

/**
 * One entry as a line for the terminal: address, kind, reason, status, when last seen, how often.
 *
 * @example
 * formatSuppression(entry); // "ann@example.org  hard  user_unknown 5.1.1  last 2026-12-01T10:00:00.000Z  ×2"
 */
export function formatSuppression(entry: Suppression): string {
  const status = entry.status ? ` ${entry.status}` : "";
  return `${entry.address}  ${entry.kind}  ${entry.reason}${status}  last ${entry.last_seen}  ×${entry.count}`;
}

/**
 * `mailvet suppressions list|add|remove|export`: the API key's suppression list. `list` pages
 * through it all (JSON lines with --json); `add` prints the stored entry; `remove` exits 4 when
 * the address was not on the list (the API's 404); `export` writes the CSV whole or not at all.
 *
 * @example
 * process.exitCode = await runSuppressions({ name: "suppressions", action: "list", kind: undefined, api, json: false }, io);
 */
export async function runSuppressions(command: SuppressionsCommand, io: CommandIo): Promise<ExitCode> {
  const api = new MailvetApi(command.api, io.signal);
  const print = (entry: Suppression) => io.stdout.write(`${command.json ? JSON.stringify(entry) : formatSuppression(entry)}\n`);
  switch (command.action) {
    case "list": {
      let after: string | undefined;
      do {
        const page = await api.suppressions(command.kind, after);
        for (const entry of page.entries) print(entry);
        after = page.next ?? undefined;
      } while (after !== undefined);
      return EXIT.ok;
    }
    case "add":
      print(await api.putSuppression(command.address, { kind: command.kind, reason: command.reason, status: command.status }));
      return EXIT.ok;
    case "remove":
      await api.removeSuppression(command.address);
      if (!command.json) io.stderr.write("removed\n");
      return EXIT.ok;
    case "export":
      await writeWhole(command.output, await api.exportSuppressions(command.kind), io.signal);
      return EXIT.ok;
  }
}
