import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freeLoopbackPort } from "../../infra/local/dns/free-port";
import { farmProberEnv, MTA_FARM_HOSTS, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { startSendingPostfix } from "../../infra/local/mta/sender";
import { submitMessage } from "../../infra/local/mta/submit";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { makeReturnPath } from "../../shared/bounces/return-path";
import { type VerifyResult, VerifyResultSchema } from "../../shared/contract/schemas";

/**
 * A real bounce made by a real MTA, end to end: the sending Postfix relays a message to an
 * unknown mailbox of the farm, the farm's stock mx1 refuses it at RCPT, the sender's own bounce
 * daemon writes the DSN to the signed return path, and its pipe transport POSTs it to the edge's
 * email() handler under wrangler dev (/cdn-cgi/handler/email). The address is then
 * undeliverable/bounced in /v1/verify and in a bulk job, for the return path's owner.
 */
const dnsPeer = inject("dnsPeerUrl");
const KEY = "bounce-email-e2e-key-0123456789";
const SECRET = "bounce-email-e2e-return-path-secret";
const RETURN_DOMAIN = "bounces.mailvet-test.net";
const BOUNCED = "nobody@ok.mailvet-mta.net";

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("a Postfix-made bounce reaches the edge's email() handler", () => {
  let farm: MtaFarm;
  let stack: LocalStack;
  let sender: Awaited<ReturnType<typeof startSendingPostfix>>;
  let senderDir: string;

  beforeAll(async () => {
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "19887",
        MAILVET_PROBER_PORT: "19888",
        MAILVET_DOH_URL: dnsPeer!,
        ...farmProberEnv(farm),
        MAILVET_API_KEYS: JSON.stringify([{ id: "sender", key: KEY, scopes: ["verify", "jobs"] }]),
        MAILVET_RETURN_PATH_SECRET: SECRET,
        MAILVET_RETURN_PATH_DOMAIN: RETURN_DOMAIN,
        MAILVET_JOB_DOMAIN_RATE: "1000",
      },
      { freshState: true },
    );
    senderDir = await mkdtemp(join(tmpdir(), "mailvet-sender-"));
    // Postfix's daemons run as the postfix user and must get through to their queue inside.
    await chmod(senderDir, 0o755);
    sender = await startSendingPostfix(senderDir, {
      port: await freeLoopbackPort(),
      farmMx: { host: MTA_FARM_HOSTS.main, port: farm.port },
      returnDomain: RETURN_DOMAIN,
      bounceUrl: `${stack.edgeUrl}/cdn-cgi/handler/email`,
    });
  });
  afterAll(async () => {
    await sender?.stop();
    await stack?.stop();
    await farm?.stop();
    if (senderDir) await rm(senderDir, { recursive: true, force: true });
  });

  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${stack.edgeUrl}${path}`, { ...init, headers: { authorization: `Bearer ${KEY}`, "content-type": "application/json" } });
  const verify = async (email: string): Promise<VerifyResult> =>
    VerifyResultSchema.parse(await (await call(`/v1/verify?email=${encodeURIComponent(email)}`)).json());
  const listed = async () => ((await (await call("/v1/suppressions")).json()) as { entries?: { address: string; source: string }[] }).entries ?? [];

  it("files the DSN for the return path's owner: undeliverable/bounced in /v1/verify and a bulk job", async () => {
    const returnPath = await makeReturnPath({ owner: "key:sender", recipient: BOUNCED, domain: RETURN_DOMAIN, secret: SECRET });
    await submitMessage(sender.host, sender.port, {
      from: returnPath,
      to: BOUNCED,
      body: `From: app@mailvet-test.net\r\nTo: ${BOUNCED}\r\nSubject: hello\r\n\r\nA message the farm will refuse.`,
    });
    // Postfix relays, gets the 550, and its bounce daemon's DSN goes through the pipe to the edge.
    await expect
      .poll(async () => (await listed()).map(({ address, source }) => `${address} ${source}`), { timeout: 60_000, interval: 500 })
      .toContain(`${BOUNCED} email`);

    expect(await verify(BOUNCED)).toMatchObject({
      verdict: "undeliverable",
      reason: "bounced",
      bounce: { kind: "hard", reason: "user_unknown", status: "5.1.1", source: "email" },
    });

    const created = await call("/v1/jobs", { method: "POST", body: JSON.stringify({ emails: [BOUNCED, "alice@ok.mailvet-mta.net"] }) });
    expect(created.status).toBe(202);
    const { id } = (await created.json()) as { id: string };
    await expect
      .poll(async () => ((await (await call(`/v1/jobs/${id}`)).json()) as { status: string }).status, { timeout: 90_000, interval: 500 })
      .toBe("done");
    const { results } = (await (await call(`/v1/jobs/${id}/results?format=json`)).json()) as { results: { email: string; verdict: string; reason: string }[] };
    expect(results.map(({ email, verdict, reason }) => [email, verdict, reason])).toEqual([
      [BOUNCED, "undeliverable", "bounced"],
      ["alice@ok.mailvet-mta.net", "deliverable", "accepted"],
    ]);
  });

  it("never files the DSN of a return path without a valid signature", async () => {
    const handedOver = () => sender.log().match(/relay=edge-bounce/g)?.length ?? 0;
    const before = handedOver();
    const forged = `b+${"a".repeat(8)}.${"b".repeat(10)}.${"c".repeat(16)}@${RETURN_DOMAIN}`;
    await submitMessage(sender.host, sender.port, { from: forged, to: "ghost@ok.mailvet-mta.net", body: "Subject: forged\r\n\r\nA bounce nobody signed." });
    // The sender's log records the hand-over to the edge (whatever the edge answered).
    await expect.poll(handedOver, { timeout: 60_000, interval: 500 }).toBeGreaterThan(before);
    expect((await listed()).map(({ address }) => address)).not.toContain("ghost@ok.mailvet-mta.net");
  });
});
