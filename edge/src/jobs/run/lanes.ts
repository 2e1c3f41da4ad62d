import type { JobMessage, VerifyChunk } from "../messages";
import { CHUNK_SIZE } from "../messages";
import { chunkByDomain } from "../upload/plan";
import { sendAll } from "./send-all";

/** Domains, and cells that are not addresses, read per query while the first chunks are sent. */
const DOMAIN_PAGE = 1_000;
const ADDRESS_PAGE = 5_000;
/** Messages gathered before they are sent. */
const SEND_EVERY = 100;

/** Which job and run chunks belong to, and how many of one domain may be in flight at once. */
export interface LaneJob {
  job: string;
  run: number;
  lanes: number;
}

/**
 * Queues the first `lanes` chunks of every domain with addresses still unanswered, and notes in
 * the job's `lane` table how far each domain got; each chunk, when it ends, queues the next
 * (`queueNextChunk`), so a job keeps at most `lanes` chunks of one domain in flight and asks the
 * domain as fast as the prober's politeness towards its server allows, never faster. Cells that
 * are not addresses need no server and go all at once. Queueing an address twice is harmless:
 * the first answer wins.
 *
 * @example
 * await queueFirstChunks(ctx.storage.sql, env.VERIFY_QUEUE, { job: id, run: 1, lanes: 2 });
 */
export async function queueFirstChunks(sql: SqlStorage, queue: Queue<JobMessage>, { job, run, lanes }: LaneJob): Promise<void> {
  const pending: JobMessage[] = [];
  const push = async (chunks: Iterable<{ domain: string; addresses: VerifyChunk["addresses"] }>, lane: boolean) => {
    for (const chunk of chunks) {
      pending.push(verifyMessage(job, run, chunk, lane));
      if (pending.length >= SEND_EVERY) await sendAll(queue, pending.splice(0));
    }
  };
  sql.exec("DELETE FROM lane");
  for (let after = ""; ; ) {
    const page = unansweredAfter(sql, "", after, ADDRESS_PAGE);
    if (page.length === 0) break;
    await push(chunkByDomain(page, CHUNK_SIZE), false);
    after = page[page.length - 1]!.key;
  }
  for (let after = ""; ; ) {
    const domains = sql
      .exec<{ domain: string }>("SELECT DISTINCT domain FROM address WHERE reason IS NULL AND domain > ? ORDER BY domain LIMIT ?", after, DOMAIN_PAGE)
      .toArray();
    if (domains.length === 0) break;
    for (const { domain } of domains) {
      const first = unansweredAfter(sql, domain, "", lanes * CHUNK_SIZE);
      sql.exec("INSERT OR REPLACE INTO lane (domain, after) VALUES (?, ?)", domain, first[first.length - 1]!.key);
      await push(chunkByDomain(first, CHUNK_SIZE), true);
    }
    after = domains[domains.length - 1]!.domain;
  }
  if (pending.length > 0) await sendAll(queue, pending);
}

/**
 * A chunk of `domain` has ended: queues the domain's next chunk, the addresses past the lane's
 * mark still unanswered, and moves the mark on. Nothing when the domain has no more.
 *
 * @example
 * await queueNextChunk(ctx.storage.sql, env.VERIFY_QUEUE, { job: id, run: 1, lanes: 2 }, "example.net");
 */
export async function queueNextChunk(sql: SqlStorage, queue: Queue<JobMessage>, { job, run }: LaneJob, domain: string): Promise<void> {
  const after = sql.exec<{ after: string }>("SELECT after FROM lane WHERE domain = ?", domain).toArray()[0]?.after;
  if (after === undefined) return;
  const next = unansweredAfter(sql, domain, after, CHUNK_SIZE);
  if (next.length === 0) return;
  // Sent before the mark moves: if the send fails, the chunk that ended is retried and sends it.
  await queue.send(verifyMessage(job, run, { domain, addresses: next }, true));
  sql.exec("UPDATE lane SET after = ? WHERE domain = ?", next[next.length - 1]!.key, domain);
}

function unansweredAfter(sql: SqlStorage, domain: string, after: string, limit: number): { key: string; email: string; domain: string }[] {
  return sql
    .exec<{ key: string; email: string; domain: string }>(
      "SELECT key, email, domain FROM address WHERE domain = ? AND key > ? AND reason IS NULL ORDER BY key LIMIT ?",
      domain,
      after,
      limit,
    )
    .toArray();
}

function verifyMessage(job: string, run: number, { domain, addresses }: { domain: string; addresses: VerifyChunk["addresses"] }, lane: boolean): JobMessage {
  return {
    kind: "verify",
    job,
    run,
    domain,
    addresses: addresses.map(({ key, email }) => ({ key, email })),
    greylistRetries: 0,
    proberRetries: 0,
    avoid: [],
    ...(lane && { lane }),
  };
}
