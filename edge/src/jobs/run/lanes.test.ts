import { runInDurableObject, SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { jobCoordinator } from "../coordinator-stub";
import { quietJob } from "../job-testing";
import { queueFirstChunks, queueNextChunk } from "./lanes";
import type { JobMessage, VerifyChunk } from "../messages";

/** A queue that keeps what is sent to it, in order, for the test to read (send and sendBatch: what lanes.ts calls). */
function keptQueue(): { queue: Queue<JobMessage>; sent: VerifyChunk[] } {
  const sent: VerifyChunk[] = [];
  const keep = (body: JobMessage) => void (body.kind === "verify" && sent.push(body));
  const queue = {
    send: async (body: JobMessage) => keep(body),
    sendBatch: async (messages: Iterable<MessageSendRequest<JobMessage>>) => {
      for (const { body } of messages) keep(body);
    },
  } as unknown as Queue<JobMessage>;
  return { queue, sent };
}

const big = Array.from({ length: 230 }, (_, index) => `user${String(index).padStart(3, "0")}@big.mailvet-fixture.net`);

describe("a job's lanes per domain", () => {
  it("queues two chunks of a domain at first, and one more each time one ends, until the domain has none", async () => {
    const id = await quietJob([...big, "ann@small.mailvet-fixture.net", "not an address", "nor this"]);
    await runInDurableObject(jobCoordinator(env, id), async (_, state) => {
      const sql = state.storage.sql;
      const lanes = { job: id, run: 1, lanes: 2 };
      const { queue, sent } = keptQueue();
      await queueFirstChunks(sql, queue, lanes);
      expect(sent.map(({ domain, addresses, lane }) => [domain, addresses.length, lane ?? false])).toEqual([
        ["", 2, false],
        ["big.mailvet-fixture.net", 50, true],
        ["big.mailvet-fixture.net", 50, true],
        ["small.mailvet-fixture.net", 1, true],
      ]);
      sent.length = 0;
      for (let ended = 0; ended < 5; ended += 1) await queueNextChunk(sql, queue, lanes, "big.mailvet-fixture.net");
      expect(sent.map(({ addresses }) => addresses.length)).toEqual([50, 50, 30]);
      // Every address of the domain was queued once, in order.
      expect([...sent.flatMap(({ addresses }) => addresses.map(({ email }) => email))]).toEqual(big.slice(100));
      await queueNextChunk(sql, queue, lanes, "small.mailvet-fixture.net");
      expect(sent).toHaveLength(3);
    });
  });

  it("finishes a single-domain job through its lanes", async () => {
    const response = await SELF.fetch("http://edge/v1/jobs", {
      method: "POST",
      body: JSON.stringify({ emails: big }),
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    await expect
      .poll(async () => ((await (await SELF.fetch(`http://edge/v1/jobs/${id}`)).json()) as { status: string }).status, { timeout: 30_000, interval: 200 })
      .toBe("done");
    expect(await jobCoordinator(env, id).status()).toMatchObject({ processed: 230, waiting: { rows: 0, until: null } });
  }, 60_000);
});
