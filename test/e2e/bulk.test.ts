import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { farmProberEnv, type MtaFarm, skipWithoutMtaFarm, startMtaFarm } from "../../infra/local/mta/peer";
import type { ManagedProcess } from "../../infra/local/processes";
import { waitForHealthy } from "../../infra/local/processes";
import { type LocalStack, resolveLocalSettings, startProber, startStack } from "../../infra/local/stack";
import { verifyWebhookSignature } from "../../shared/webhook/signature";

/**
 * Bulk jobs end to end: the edge in workerd (Queues, R2, Durable Objects and D1 through
 * miniflare) → two probers over the signed hop → the Postfix farm, with greylisting by a real
 * postgrey, a prober killed in the middle of a job, and a webhook receiver that fails first.
 */
const dnsPeer = inject("dnsPeerUrl");
const SECOND_PROBER_PORT = 19489;

interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on loopback that answers 500 to the first `failures` deliveries. */
async function startReceiver(failures: number): Promise<{ url: string; deliveries: Delivery[]; server: Server }> {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
    request.on("end", () => {
      deliveries.push({ headers: request.headers, body });
      response.writeHead(deliveries.length <= failures ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/mailvet`, deliveries, server };
}

describe.skipIf(dnsPeer === null || skipWithoutMtaFarm())("bulk jobs, edge → probers → Postfix", () => {
  let farm: MtaFarm;
  let stack: LocalStack;
  let secondProber: ManagedProcess;

  beforeAll(async () => {
    farm = await startMtaFarm({ greylistDelaySeconds: 2 });
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      MAILVET_EDGE_PORT: "19487",
      MAILVET_PROBER_PORT: "19488",
      MAILVET_DOH_URL: dnsPeer!,
      ...farmProberEnv(farm),
      MAILVET_PROBER_SECRET: "bulk-e2e-hop-secret-0123456789",
      // The second prober first: it is the one killed in the middle of a job.
      MAILVET_PROBERS: JSON.stringify([
        { id: "doomed", region: "local", url: `http://127.0.0.1:${SECOND_PROBER_PORT}` },
        { id: "local", region: "local", url: "http://127.0.0.1:19488" },
      ]),
      MAILVET_PROBER_HOST_RATE: "1000",
      MAILVET_JOB_DOMAIN_RATE: "1000",
      MAILVET_JOB_GREYLIST_MAX_WAIT: "3",
      MAILVET_JOB_WEBHOOK_BACKOFF: "1",
      // The webhook receiver is on loopback, over http.
      MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE: "1",
    };
    secondProber = startProber({ ...resolveLocalSettings(env).proberEnv, MAILVET_PROBER_PORT: String(SECOND_PROBER_PORT) });
    await waitForHealthy(`http://127.0.0.1:${SECOND_PROBER_PORT}/healthz`, secondProber, 60_000);
    stack = await startStack(env, { freshState: true });
  });
  afterAll(async () => {
    await stack?.stop();
    await secondProber?.stop();
    await farm?.stop();
  });

  async function post(emails: string[], options: Record<string, unknown> = {}): Promise<{ id: string; total: number; webhook_secret?: string }> {
    const response = await fetch(`${stack.edgeUrl}/v1/jobs`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ emails, ...options }),
    });
    expect(response.status, await response.clone().text()).toBe(202);
    return response.json() as Promise<{ id: string; total: number; webhook_secret?: string }>;
  }

  async function status(
    id: string,
  ): Promise<{ status: string; processed: number; total: number; counts: Record<string, number>; waiting: { rows: number; until: string | null } }> {
    return (await fetch(`${stack.edgeUrl}/v1/jobs/${id}`)).json() as never;
  }

  async function results(id: string): Promise<{ row: number; email: string; verdict: string; reason: string }[]> {
    const response = await fetch(`${stack.edgeUrl}/v1/jobs/${id}/results?format=json`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: { row: number; email: string; verdict: string; reason: string }[] }).results;
  }

  it("retries greylisted addresses after the server's delay, then tells the webhook, signed, retrying it", async () => {
    const receiver = await startReceiver(1);
    try {
      const emails = [
        "alice@greylist.mailvet-mta.net",
        "alice@ok.mailvet-mta.net",
        "nobody@ok.mailvet-mta.net",
        "full@ok.mailvet-mta.net",
        "not-an-address",
        "ALICE@ok.mailvet-mta.net",
      ];
      const job = await post(emails, { webhook_url: receiver.url });
      await expect.poll(async () => (await status(job.id)).status, { timeout: 60_000, interval: 500 }).toBe("done");
      const rows = await results(job.id);
      expect(rows.map(({ row, email, verdict, reason }) => [row, email, verdict, reason])).toEqual([
        [0, emails[0], "deliverable", "accepted"],
        [1, emails[1], "deliverable", "accepted"],
        [2, emails[2], "undeliverable", "mailbox_not_found"],
        [3, emails[3], "risky", "mailbox_full"],
        [4, emails[4], "undeliverable", "invalid_syntax"],
        [5, emails[5], "deliverable", "accepted"],
      ]);

      // The first delivery got a 500; the second, a moment later, the same delivery id.
      await expect.poll(() => receiver.deliveries.length, { timeout: 30_000, interval: 200 }).toBe(2);
      const [first, second] = receiver.deliveries as [Delivery, Delivery];
      expect(second.headers["mailvet-delivery"]).toBe(first.headers["mailvet-delivery"]);
      expect(await verifyWebhookSignature(job.webhook_secret!, second.headers["mailvet-signature"] as string, second.body)).toBe(true);
      expect(await verifyWebhookSignature("whsec_not-the-secret", second.headers["mailvet-signature"] as string, second.body)).toBe(false);
      const payload = JSON.parse(second.body) as { event: string; job: { id: string; status: string; counts: Record<string, number> }; results_url: string };
      expect(payload).toMatchObject({
        event: "job.completed",
        job: { id: job.id, status: "done", counts: { deliverable: 3, undeliverable: 2, risky: 1, unknown: 0 } },
      });
      expect(payload.results_url).toBe(`${stack.edgeUrl}/v1/jobs/${job.id}/results`);
    } finally {
      receiver.server.close();
    }
  }, 120_000);

  it("asks a server that took the connection but never answered again later, and says the rows wait meanwhile", async () => {
    const emails = ["alice@tarpit.mailvet-mta.net", "bob@tarpit.mailvet-mta.net", "alice@ok.mailvet-mta.net"];
    const job = await post(emails);
    // The tarpit's first timeout is not final: its two rows wait for a retry, with a time.
    await expect.poll(async () => (await status(job.id)).waiting.rows, { timeout: 60_000, interval: 250 }).toBe(2);
    expect((await status(job.id)).waiting.until).toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect.poll(async () => (await status(job.id)).status, { timeout: 110_000, interval: 500 }).toBe("done");
    // Every retry timed out too, so the timeout stands, and nothing waits any more.
    expect((await results(job.id)).map(({ reason }) => reason)).toEqual(["timeout", "timeout", "accepted"]);
    expect((await status(job.id)).waiting).toEqual({ rows: 0, until: null });
  }, 150_000);

  it("finishes a job with exactly one answer per row when a prober is killed in the middle of it", async () => {
    const emails = Array.from({ length: 120 }, (_, domain) =>
      Array.from({ length: 25 }, (_, user) => `${user % 5 === 4 ? `nobody${user}` : `user${user}`}@kill-${domain}.bulk.mailvet-mta.net`),
    ).flat();
    const job = await post(emails);
    await expect.poll(async () => (await status(job.id)).processed, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    process.kill(-secondProber.child.pid!, "SIGKILL");
    expect((await status(job.id)).processed).toBeLessThan(emails.length);
    await expect.poll(async () => (await status(job.id)).status, { timeout: 90_000, interval: 500 }).toBe("done");
    const rows = await results(job.id);
    expect(rows.map((row) => row.row)).toEqual(emails.map((_, row) => row));
    expect(rows.map((row) => row.email)).toEqual(emails);
    // Nothing was lost to the dead prober: every row has the mail server's own answer.
    expect(rows.filter((row) => row.reason !== "accepted" && row.reason !== "mailbox_not_found")).toEqual([]);
    expect((await status(job.id)).counts).toEqual({ deliverable: 2_400, undeliverable: 600, risky: 0, unknown: 0 });
  }, 150_000);
});
