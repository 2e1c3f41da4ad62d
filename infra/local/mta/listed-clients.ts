import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { findExecutable } from "../dns/daemon";

/** The egress address of the test prober mx-rbl lists when the farm starts ("the RBL-blocked prober"). */
export const RBL_LISTED_CLIENT = "127.0.0.61";

/** The access table's action for a listed client; smtpd answers "554 5.7.1 <unknown[ip]>: Client host rejected: " and this text. */
export const RBL_REFUSAL = "554 5.7.1 Service unavailable; blocked using bl.mailvet-test.net";

/**
 * Writes mx-rbl's block list (a Postfix hash: table, `rbl-clients` in the farm's run directory)
 * so that it lists exactly `clients`. smtpd notices the changed table and restarts itself after
 * its session, so a test can lift a block (or put one up) while the farm runs.
 *
 * @example
 * await writeListedClients(farm.runDir, []); // the block is lifted
 */
export async function writeListedClients(runDir: string, clients: readonly string[]): Promise<void> {
  const postmap = findExecutable("postmap");
  if (postmap === undefined) throw new Error("postmap is not installed: run infra/local/install-peers.sh as root");
  const table = join(runDir, "rbl-clients");
  await writeFile(table, clients.map((ip) => `${ip} ${RBL_REFUSAL}\n`).join(""));
  await promisify(execFile)(postmap, [`hash:${table}`]);
}
