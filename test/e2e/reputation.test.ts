import { execFile } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type LocalStack, startStack } from "../../infra/local/stack";
import { ReputationReviewSchema } from "../../shared/contract/reputation";
import { verifyWebhookSignature } from "../../shared/webhook/signature";

/**
 * The sender's reputation review end to end: the edge in workerd (D1 and the Cron Trigger through
 * wrangler dev) against the local DNS peer's block lists and sending domains, the CLI, and a
 * schedule's signed webhook to a receiver on loopback.
 */
const dnsPeer = inject("dnsPeerUrl");
const PORTS = { MAILVET_EDGE_PORT: "19797", MAILVET_PROBER_PORT: "19798" };
const BIN = join(new URL("../../", import.meta.url).pathname, "cli/bin.mjs");

describe.skipIf(dnsPeer === null)("reputation review, edge → local DNS peer", () => {
  let stack: LocalStack;
  let receiver: Server;
  const deliveries: { headers: IncomingHttpHeaders; body: string }[] = [];

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      let body = "";
      request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      request.on("end", () => {
        deliveries.push({ headers: request.headers, body });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    stack = await startStack(
      {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        ...PORTS,
        MAILVET_DOH_URL: dnsPeer!,
        MAILVET_SPAMHAUS_DQS_KEY: "mailvetdqstest",
        // The webhook receiver is on loopback, over http.
        MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: "1",
      },
      { freshState: true },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    receiver?.close();
  });

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const run = promisify(execFile)(process.execPath, [BIN, "reputation", ...args], { env: { PATH: process.env.PATH, MAILVET_API: stack.edgeUrl } });
    return run.then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );
  }

  it("asks Spamhaus through the DQS key, where the public zone refuses", async () => {
    const review = ReputationReviewSchema.parse(await (await fetch(`${stack.edgeUrl}/v1/reputation?ip=192.0.2.13`)).json());
    expect(review.ip_lists[0]).toMatchObject({ list: "spamhaus-zen", zone: "zen.dq.spamhaus.net", status: "listed" });
  });

  it("mailvet reputation prints each finding with its fix, and exits 1 when one fails, 0 when none does", async () => {
    const bad = await cli("--domain", "toomany.mailvet-rep.net", "--ip", "192.0.2.12");
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^toomany\.mailvet-rep\.net, 192\.0\.2\.12: FAIL/);
    expect(bad.stdout).toMatch(/FAIL +blocklists:192\.0\.2\.12\n +192\.0\.2\.12 is listed on SpamCop .*\n +fix: /);
    expect(bad.stdout).toMatch(/FAIL +spf-record\n.*more than 10 DNS lookups.*\n +fix: Flatten/);
    const good = await cli("--domain", "good.mailvet-rep.net", "--ip", "192.0.2.10", "--json");
    expect(good.code).toBe(0);
    expect(ReputationReviewSchema.parse(JSON.parse(good.stdout))).toMatchObject({ status: "pass", domain: "good.mailvet-rep.net" });
    const refused = await cli("--ip", "192.0.2.999");
    expect(refused).toMatchObject({ code: 4, stderr: expect.stringMatching(/400 invalid_request: .*not an IP address/) });
  });

  // With the DQS key, ZEN is asked at the DQS zone, where 192.0.2.13 is listed (SBL).
  it("runs a schedule from the Cron Trigger and tells its webhook, signed, what the findings are", async () => {
    const response = await fetch(`${stack.edgeUrl}/v1/reputation/schedules`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        domain: "dmarc-none.mailvet-rep.net",
        ips: ["192.0.2.13"],
        webhook_url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
      }),
    });
    expect(response.status).toBe(201);
    const { id, webhook_secret } = (await response.json()) as { id: string; webhook_secret: string };
    expect((await fetch(`${stack.edgeUrl}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent("7 * * * *")}`)).status).toBe(200);
    await expect.poll(() => deliveries.length, { timeout: 30_000, interval: 200 }).toBeGreaterThan(0);
    const delivery = deliveries[0]!;
    expect(await verifyWebhookSignature(webhook_secret, String(delivery.headers["mailvet-signature"]), delivery.body)).toBe(true);
    const payload = JSON.parse(delivery.body) as { event: string; schedule: string; status: string; changes: { id: string; was: null; now: string }[] };
    expect(payload).toMatchObject({ event: "reputation.changed", schedule: id, status: "fail" });
    expect(payload.changes).toContainEqual(expect.objectContaining({ id: "blocklists:192.0.2.13", was: null, now: "fail" }));
    expect(payload.changes).toContainEqual(expect.objectContaining({ id: "dmarc", was: null, now: "warn" }));
    const listed = (await (await fetch(`${stack.edgeUrl}/v1/reputation/schedules`)).json()) as { schedules: { id: string; last_status: string | null }[] };
    expect(listed.schedules.find((schedule) => schedule.id === id)?.last_status).toBe("fail");
  });
});
