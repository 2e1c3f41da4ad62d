import type { JobMessage } from "./messages";
import { CHUNK_SIZE } from "./messages";
import { chunkByDomain } from "./plan";
import { sendAll } from "./send-all";

/** Addresses read per query while chunks are sent. */
const PAGE = 5_000;

/**
 * Queues every address of the job's `address` table still without an answer, in chunks of one
 * domain, paging through SQL in (domain, key) order so a job of millions is never read at once.
 * Sending an address twice is harmless: the first answer wins.
 *
 * @example
 * await queueUnanswered(ctx.storage.sql, env.VERIFY_QUEUE, { job: id, run: 1 });
 */
export async function queueUnanswered(sql: SqlStorage, queue: Queue<JobMessage>, { job, run }: { job: string; run: number }): Promise<void> {
  let after = { domain: "", key: "" };
  for (;;) {
    const page = sql
      .exec<{ key: string; email: string; domain: string }>(
        "SELECT key, email, domain FROM address WHERE reason IS NULL AND (domain, key) > (?, ?) ORDER BY domain, key LIMIT ?",
        after.domain,
        after.key,
        PAGE,
      )
      .toArray();
    if (page.length === 0) return;
    // A domain cut at the page's end goes on in the next page's first chunk.
    const messages = [...chunkByDomain(page, CHUNK_SIZE)].map(
      ({ domain, addresses }): JobMessage => ({ kind: "verify", job, run, domain, addresses, greylistRetries: 0, proberRetries: 0, avoid: [] }),
    );
    await sendAll(queue, messages);
    after = page[page.length - 1]!;
  }
}
