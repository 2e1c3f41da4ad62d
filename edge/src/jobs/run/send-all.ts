/** Queues' limits on one sendBatch: 100 messages and 256 KB in all (kept well under). */
const MAX_BATCH_MESSAGES = 100;
const MAX_BATCH_BYTES = 200 * 1024;

/**
 * Sends messages in as few sendBatch calls as Queues' limits allow.
 *
 * @example
 * await sendAll(env.VERIFY_QUEUE, chunks);
 */
export async function sendAll<T>(queue: Queue<T>, messages: T[]): Promise<void> {
  let batch: MessageSendRequest<T>[] = [];
  let bytes = 0;
  for (const body of messages) {
    const size = JSON.stringify(body).length;
    if (batch.length === MAX_BATCH_MESSAGES || (batch.length > 0 && bytes + size > MAX_BATCH_BYTES)) {
      await queue.sendBatch(batch);
      batch = [];
      bytes = 0;
    }
    batch.push({ body });
    bytes += size;
  }
  if (batch.length > 0) await queue.sendBatch(batch);
}
