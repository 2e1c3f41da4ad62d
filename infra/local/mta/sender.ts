import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type PostfixServer, startPostfixInstance } from "./postfix";

/** The sending Postfix's templates (main.cf, master.cf). */
const TEMPLATE_DIR = fileURLToPath(new URL("./sender", import.meta.url));

/** Where the sending Postfix listens: its own loopback address, beside the farm's 127.0.0.41–52. */
export const SENDER_HOST = "127.0.0.60";

export interface SenderOptions {
  /** The port it listens on (the farm's port is taken on the farm's addresses only). */
  port: number;
  /** The farm's mx1 listener the farm's domains are relayed to. */
  farmMx: { host: string; port: number };
  /** The return-path domain whose mail (the DSNs) is POSTed to `bounceUrl`. */
  returnDomain: string;
  /** The email handler's URL, e.g. `http://127.0.0.1:8787/cdn-cgi/handler/email`. */
  bounceUrl: string;
}

/**
 * Starts the sending Postfix (sender/main.cf): it relays the farm's domains to the farm's mx1
 * and hands the DSNs its bounce daemon writes for `returnDomain` to `bounceUrl`.
 *
 * @example
 * const sender = await startSendingPostfix(runDir, { port: 2526, farmMx: { host: MTA_FARM_HOSTS.main, port: farm.port }, returnDomain: "bounces.mailvet.test", bounceUrl });
 */
export async function startSendingPostfix(runDir: string, options: SenderOptions): Promise<PostfixServer & { host: string; port: number }> {
  const { port, farmMx, returnDomain, bounceUrl } = options;
  const nextHop = `smtp:[${farmMx.host}]:${farmMx.port}`;
  // The farm's domain and its subdomains (a transport table does not match subdomains by itself).
  await writeFile(join(runDir, "transport"), `mailvet-mta.net ${nextHop}\n.mailvet-mta.net ${nextHop}\n${returnDomain} edge-bounce:\n`);
  const server = await startPostfixInstance(runDir, TEMPLATE_DIR, { HOST: SENDER_HOST, PORT: port, BOUNCE_URL: bounceUrl, RETURN_DOMAIN: returnDomain }, [
    { host: SENDER_HOST, port },
  ]);
  return { ...server, host: SENDER_HOST, port };
}
