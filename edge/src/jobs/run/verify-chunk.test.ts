import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../index";
import { jobCoordinator } from "../coordinator-stub";
import { quietJob } from "../job-testing";
import type { VerifyChunk } from "../messages";

const DOMAIN = "pace.mailvet-fixture.net";

/** Delivers one chunk to the consumer as the queue would; returns the message ids it acked. */
async function deliver(chunk: VerifyChunk): Promise<string[]> {
  const batch = createMessageBatch<VerifyChunk>("mailvet-verify", [{ id: "chunk", timestamp: new Date(), attempts: 1, body: chunk }]);
  const context = createExecutionContext();
  await worker.queue(batch, env, context);
  return (await getQueueResult(batch, context)).explicitAcks;
}

describe("a chunk whose slot in the domain's pace is further away than a queue can delay", () => {
  it("waits for it in steps, so a very large single-domain job never dead-letters", async () => {
    const id = await quietJob([`ann@${DOMAIN}`]);
    const job = jobCoordinator(env, id);
    // Retries of 540,000 addresses of the domain went before it, at 5 a second: its slot is 30 hours away.
    const slot = Date.now() + 30 * 3_600_000;
    await runInDurableObject(job, (_, state) => void state.storage.sql.exec("INSERT INTO domain_pace (domain, next_free_at) VALUES (?, ?)", DOMAIN, slot));
    const chunk: VerifyChunk = {
      kind: "verify",
      job: id,
      run: 1,
      domain: DOMAIN,
      addresses: [{ key: `ann@${DOMAIN}`, email: `ann@${DOMAIN}` }],
      greylistRetries: 0,
      proberRetries: 0,
      avoid: [],
    };

    // It goes back on the queue for 12 hours and is acked. (Asking the queue for the whole 30
    // hours failed: the message was retried into the dead-letter queue, and the job ended failed.)
    expect(await deliver(chunk)).toEqual(["chunk"]);
    // Back after 12 hours with its slot still 18 hours away, it waits again rather than run early.
    expect(await deliver({ ...chunk, slot })).toEqual(["chunk"]);
    await runInDurableObject(job, (_, state) => {
      const sql = state.storage.sql;
      expect(sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM address WHERE reason IS NOT NULL").one().n).toBe(0);
      // The job knows it is waiting, so its watchdog does not take it for stalled meanwhile.
      expect(sql.exec<{ waiting_until: number; lost_chunks: number }>("SELECT waiting_until, lost_chunks FROM job").one()).toEqual({
        waiting_until: slot,
        lost_chunks: 0,
      });
    });
    // Once its slot has come, it runs.
    expect(await deliver({ ...chunk, slot: Date.now() - 1 })).toEqual(["chunk"]);
    expect(await job.status()).toMatchObject({ processed: 1 });
  });
});
