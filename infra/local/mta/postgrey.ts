import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { findExecutable, startDaemon, type Daemon } from "../dns/daemon";
import { acceptsConnections, untilReady } from "./ready";

/**
 * Starts postgrey, the greylisting policy server Debian's Postfix users run, on
 * 127.0.0.1:`port`, and resolves once it accepts connections. `dir`, which it creates, holds its
 * database. It greylists every new (client /24, sender, recipient) triplet for `delaySeconds`,
 * or postgrey's own default (300) when not given, with its stock reply ("Greylisted, see
 * http://postgrey.schweikert.ch/help/DOMAIN.html"), and after that lets it pass. Never
 * whitelisting anyone keeps every run alike: not the system's lists (empty files stand in for
 * them) and not clients that passed before (auto-whitelisting off).
 *
 * @example
 * const postgrey = await startPostgrey(join(runDir, "postgrey"), 10023, 3);
 * await postgrey.stop();
 */
export async function startPostgrey(dir: string, port: number, delaySeconds?: number): Promise<Daemon> {
  const postgrey = findExecutable("postgrey");
  if (postgrey === undefined) throw new Error("postgrey is not installed: run infra/local/install-peers.sh as root");
  const dbDir = join(dir, "db");
  const noOne = join(dir, "whitelist");
  await mkdir(dbDir, { recursive: true });
  await writeFile(noOne, "");
  const daemon = startDaemon(postgrey, [
    `--inet=127.0.0.1:${port}`,
    `--dbdir=${dbDir}`,
    ...(delaySeconds === undefined ? [] : [`--delay=${delaySeconds}`]),
    "--auto-whitelist-clients=0",
    `--whitelist-clients=${noOne}`,
    `--whitelist-recipients=${noOne}`,
    // Its database is in a directory of root's; the postgrey user could not reach it.
    "--user=root",
    "--group=root",
  ]);
  try {
    await untilReady("postgrey", () => acceptsConnections("127.0.0.1", port), daemon);
  } catch (error) {
    await daemon.stop();
    throw error;
  }
  return daemon;
}
