import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type VerifyResult, VerifyResultSchema } from "../../shared/contract/schemas";
import { HOP_HEADERS, signRequest, verifySignedResponse } from "../../shared/hop";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import { type LocalStack, startStack } from "../../infra/local/stack";

/**
 * The whole path, all real: the edge in workerd (wrangler dev) asks the local DoH peer, then a
 * prober in Node over the signed hop, which asks a real Postfix (and postgrey) farm. Domains and
 * mailboxes are the farm's (infra/local/dns/mailvet-mta.net.zone, infra/local/mta/mailboxes).
 */
const dnsPeer = inject("dnsPeerUrl");
const HOP_SECRET = "smtp-e2e-hop-secret-0123456789";

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("verify with SMTP, edge → prober → Postfix", () => {
  let farm: MtaFarm;
  let stack: LocalStack;

  beforeAll(async () => {
    farm = await startMtaFarm();
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MAILVET_EDGE_PORT: "18987",
        MAILVET_PROBER_PORT: "18988",
        MAILVET_DOH_URL: dnsPeer!,
        MAILVET_PROBER_SECRET: HOP_SECRET,
        ...farmProberEnv(farm),
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await farm?.stop();
  });

  async function verify(email: string, timeoutMs = 8000): Promise<VerifyResult> {
    const response = await fetch(`${stack.edgeUrl}/v1/verify?timeout_ms=${timeoutMs}&email=${encodeURIComponent(email)}`);
    expect(response.status).toBe(200);
    return VerifyResultSchema.parse(await response.json());
  }

  it.each([
    ["an existing mailbox", "alice@ok.mailvet-mta.net", "deliverable", "accepted"],
    ["an unknown mailbox", "nobody@ok.mailvet-mta.net", "undeliverable", "mailbox_not_found"],
    ["Exchange's 5.4.1 Access denied", "denied@ok.mailvet-mta.net", "undeliverable", "mailbox_not_found"],
    ["a disabled mailbox", "disabled@ok.mailvet-mta.net", "undeliverable", "mailbox_disabled"],
    ["a full mailbox (452 4.2.2)", "full@ok.mailvet-mta.net", "risky", "mailbox_full"],
    ["a mailbox over quota (552 5.2.2)", "overquota@ok.mailvet-mta.net", "risky", "mailbox_full"],
    ["Gmail's 'receiving mail at a rate' (the mailbox exists)", "busy@ok.mailvet-mta.net", "deliverable", "accepted"],
    ["a catch-all domain", "anyone-at-all@catchall.mailvet-mta.net", "risky", "catch_all"],
    ["a policy block of our IP at RCPT", "alice@policy.mailvet-mta.net", "unknown", "blocked"],
    ["a 554 at connect", "alice@blocked.mailvet-mta.net", "unknown", "blocked"],
    ["MX fallback after a refused connection", "alice@fallback.mailvet-mta.net", "deliverable", "accepted"],
    ["a 554 at the preferred MX, which decides", "alice@blocked-fallback.mailvet-mta.net", "unknown", "blocked"],
    ["the implicit MX (an A record, no MX)", "alice@implicit.mailvet-mta.net", "deliverable", "accepted"],
    ["a mail host reached over IPv6 only", "alice@v6.mailvet-mta.net", "deliverable", "accepted"],
    ["a null MX, never connected to", "alice@nullmx.mailvet-mta.net", "undeliverable", "no_mail_server"],
    ["an IDN domain", "alice@bücher.mailvet-mta.net", "deliverable", "accepted"],
    ["an SMTPUTF8 mailbox at a server that offers SMTPUTF8", "jörg@utf8.mailvet-mta.net", "deliverable", "accepted"],
    ["an SMTPUTF8 mailbox at a server without it", "jörg@noutf8.mailvet-mta.net", "unknown", "unsupported"],
    ["an ASCII mailbox at a server without SMTPUTF8", "alice@noutf8.mailvet-mta.net", "deliverable", "accepted"],
  ])("%s: %s is %s/%s", async (_, email, verdict, reason) => {
    expect(await verify(email)).toMatchObject({ verdict, reason });
  });

  it("fills in the smtp block from the server's own reply", async () => {
    const result = await verify("nobody2@ok.mailvet-mta.net");
    expect(result.smtp).toMatchObject({
      performed: true,
      host: "mx1.mailvet-mta.net",
      code: 550,
      enhanced: "5.1.1",
      rule: "mailbox-not-found",
      prober: "local",
    });
    expect(result.smtp.message).toMatch(/User unknown/);
    expect(result.domain?.mx).toEqual([{ host: "mx1.mailvet-mta.net", preference: 10 }]);
  });

  it("checks an address at a domain of 300 MX hosts at the 10 best, never a prober failure", async () => {
    const result = await verify("alice@many-mx.mailvet-mta.net");
    expect(result).toMatchObject({ verdict: "deliverable", reason: "accepted" });
    expect(result.smtp).toMatchObject({ performed: true, host: "mx1.mailvet-mta.net", prober: "local" });
    expect(result.domain?.mx).toHaveLength(10);
    expect(result.domain?.mx[0]).toEqual({ host: "mx1.mailvet-mta.net", preference: 10 });
  });

  it("returns the SMTP conversation only when asked for it", async () => {
    expect((await verify("bob@ok.mailvet-mta.net")).smtp.transcript).toBeUndefined();
    const response = await fetch(`${stack.edgeUrl}/v1/verify?transcript=1&email=${encodeURIComponent("bob@ok.mailvet-mta.net")}`);
    const { smtp } = VerifyResultSchema.parse(await response.json());
    expect(smtp.transcript?.some((line) => line.includes("RCPT TO:<bob@ok.mailvet-mta.net>"))).toBe(true);
    expect(smtp.transcript?.some((line) => /DATA/.test(line))).toBe(false);
    // The row that read the RCPT reply is named in the answer and in the conversation.
    expect(smtp.rule).toEqual(expect.any(String));
    expect(smtp.transcript).toContainEqual(
      expect.stringMatching(new RegExp(`note: RCPT TO:<bob@ok\\.mailvet-mta\\.net>: 250 read by row ${smtp.rule} as accepted$`)),
    );
  });

  it("answers a tarpit with unknown/timeout within the request's deadline", async () => {
    expect(await verify("alice@tarpit.mailvet-mta.net", 2000)).toMatchObject({ verdict: "unknown", reason: "timeout" });
  });

  it("gets past a tarpit at the preferred MX to the next host", async () => {
    expect(await verify("alice@tarpit-fallback.mailvet-mta.net")).toMatchObject({ verdict: "deliverable", reason: "accepted" });
  });

  it("reports real greylisting as unknown/greylisted, and the mailbox once the delay has passed", async () => {
    expect(await verify("alice@greylist.mailvet-mta.net")).toMatchObject({ verdict: "unknown", reason: "greylisted" });
    // postgrey lets the same triplet through after its delay (a few seconds in the farm).
    await expect.poll(async () => (await verify("alice@greylist.mailvet-mta.net")).reason, { timeout: 30_000, interval: 1_000 }).toBe("accepted");
  }, 60_000);

  it("refuses an unsigned probe at the prober before any work", async () => {
    const response = await fetch(`${stack.proberUrl}/v1/probe`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        domain: "ok.mailvet-mta.net",
        mx: [{ host: "mx1.mailvet-mta.net", preference: 10 }],
        addresses: [{ address: "alice@ok.mailvet-mta.net", smtputf8: false }],
        budget_ms: 1000,
      }),
    });
    expect(response.status).toBe(401);
  });

  it("refuses a probe signed for another prober's host, and signs its answer to one signed for its own", async () => {
    const body = JSON.stringify({
      domain: "ok.mailvet-mta.net",
      mx: [{ host: "mx1.mailvet-mta.net", preference: 10 }],
      addresses: [{ address: "alice@ok.mailvet-mta.net", smtputf8: false }],
      budget_ms: 5000,
    });
    const probe = (url: string) => signRequest(new Request(url, { method: "POST", headers: { "content-type": "application/json" }, body }), [HOP_SECRET]);
    const forAnother = await probe("http://127.0.0.1:18999/v1/probe");
    const replayed = await fetch(`${stack.proberUrl}/v1/probe`, { method: "POST", headers: forAnother.headers, body });
    expect(replayed.status).toBe(401);

    const own = await probe(`${stack.proberUrl}/v1/probe`);
    const answer = await fetch(own);
    expect(answer.status).toBe(200);
    const checked = await verifySignedResponse(answer, { secrets: [HOP_SECRET], requestNonce: own.headers.get(HOP_HEADERS.nonce)! });
    expect(JSON.parse(new TextDecoder().decode(checked))).toMatchObject({ results: [{ address: "alice@ok.mailvet-mta.net", reason: "accepted" }] });
  });
});
