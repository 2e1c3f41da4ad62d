import { DEFAULT_TIMEOUT_MS } from "../../../shared/contract/schemas";
import { edgeSettings, type Env } from "../env";
import { listOverrides } from "../lists";
import { verifyAddress } from "../verify";
import { type AddressResult, jobCoordinator } from "./coordinator";
import type { VerifyChunk } from "./plan";

/**
 * The `mailvet-verify` consumer: verifies each message's addresses (one domain of one job) through
 * the single-address pipeline, SMTP included, stores the answers in the job's Durable Object and
 * acks. A message that fails is retried by the queue (up to its max_retries); the answers it
 * stored before failing stay, and storing them again changes nothing.
 *
 * @example
 * export default { fetch: app.fetch, queue: verifyQueue };
 */
export async function verifyQueue(batch: MessageBatch<VerifyChunk>, env: Env, ctx: ExecutionContext): Promise<void> {
  const context = {
    settings: edgeSettings(env),
    lists: await listOverrides(env),
    waitUntil: (promise: Promise<unknown>) => ctx.waitUntil(promise),
    regionHint: undefined,
  };
  for (const message of batch.messages) {
    const { job, addresses } = message.body;
    try {
      const results: { key: string; result: AddressResult }[] = [];
      // One after another: they share a domain, and so one day a prober's connection.
      for (const { key, email } of addresses) {
        const { verdict, reason, flags } = await verifyAddress({ email, smtp: true, timeoutMs: DEFAULT_TIMEOUT_MS, transcript: false }, context);
        results.push({ key, result: { verdict, reason, flags } });
      }
      await jobCoordinator(env, job).record(results);
      message.ack();
    } catch (error) {
      // The job and the error's kind only: an error's message may quote an address.
      console.error(`job ${job}: a chunk of ${addresses.length} failed (${error instanceof Error ? error.name : "error"}); retrying`);
      message.retry();
    }
  }
}
