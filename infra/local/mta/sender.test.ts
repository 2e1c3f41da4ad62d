import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBounceMessage } from "../../../shared/bounces/parse-message";
import { freeLoopbackPort } from "../dns/free-port";
import { type MtaFarm, MTA_FARM_HOSTS, skipWithoutMtaFarm, startMtaFarm } from "./peer";
import { startSendingPostfix } from "./sender";
import { submitMessage } from "./submit";

const RETURN_DOMAIN = "bounces.mailvet-test.net";
const RETURN_PATH = `b+sender-test@${RETURN_DOMAIN}`;

interface Handed {
  query: URLSearchParams;
  body: string;
}

/**
 * The sending Postfix against the farm: a message to an unknown mailbox of the farm is refused
 * at RCPT by the farm's stock mx1, and the DSN that Postfix's own bounce daemon writes is handed,
 * as Email Routing would hand it, to an HTTP endpoint that stands in for the edge.
 */
describe.skipIf(skipWithoutMtaFarm())("the sending Postfix", () => {
  let farm: MtaFarm;
  let sender: Awaited<ReturnType<typeof startSendingPostfix>>;
  let runDir: string;
  let endpoint: Server;
  const handed: Handed[] = [];
  let waiting: ((value: Handed) => void) | undefined;

  beforeAll(async () => {
    farm = await startMtaFarm();
    endpoint = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        const item = { query: new URL(request.url ?? "/", "http://x").searchParams, body: Buffer.concat(chunks).toString("utf8") };
        handed.push(item);
        waiting?.(item);
        response.end("ok");
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    const { port: endpointPort } = endpoint.address() as { port: number };
    runDir = await mkdtemp(join(tmpdir(), "mailvet-sender-"));
    // Postfix's daemons run as the postfix user and must get through to their queue inside.
    await chmod(runDir, 0o755);
    sender = await startSendingPostfix(runDir, {
      port: await freeLoopbackPort(),
      farmMx: { host: MTA_FARM_HOSTS.main, port: farm.port },
      returnDomain: RETURN_DOMAIN,
      bounceUrl: `http://127.0.0.1:${endpointPort}/cdn-cgi/handler/email`,
    });
  });
  afterAll(async () => {
    await sender?.stop();
    await farm?.stop();
    endpoint?.close();
    if (runDir) await rm(runDir, { recursive: true, force: true });
  });

  it("relays to the farm, and hands Postfix's DSN of the farm's 550 to the email endpoint", async () => {
    const arrived = new Promise<Handed>((resolve) => {
      waiting = resolve;
    });
    await submitMessage(sender.host, sender.port, {
      from: RETURN_PATH,
      to: "nobody@ok.mailvet-mta.net",
      body: "From: app@mailvet-test.net\r\nTo: nobody@ok.mailvet-mta.net\r\nSubject: hello\r\n\r\nA message the farm will refuse.",
    });
    const dsn = await arrived;
    expect(dsn.query.get("to")).toBe(RETURN_PATH);
    expect(dsn.query.get("from")).toBe("MAILER-DAEMON");
    expect(dsn.body).toMatch(/^Content-Type: message\/delivery-status/m);
    expect(dsn.body).toMatch(/^Final-Recipient: rfc822; nobody@ok\.mailvet-mta\.net/m);
    expect(dsn.body).toMatch(/^Status: 5\.1\.1/m);
    // The parser reads the DSN Postfix made as it reads the corpus's.
    const parsed = await parseBounceMessage(dsn.body, new Date());
    expect(parsed).toMatchObject({
      type: "bounce",
      format: "dsn",
      bounces: [{ recipient: "nobody@ok.mailvet-mta.net", kind: "hard", reason: "user_unknown", status: "5.1.1" }],
    });
  });
});
