/** How much of an endless body was read, and whether the reader gave up on it. */
export interface EndlessBodyReads {
  pulledBytes: number;
  cancelled: boolean;
}

/**
 * A request body that never ends, for showing that a reader stops at its limit: it produces a
 * chunk only when one is asked for, and counts what was asked.
 *
 * @example
 * const { stream, reads } = endlessBody();
 * await app.request("/v1/probe", { method: "POST", body: stream, duplex: "half" });
 * expect(reads.pulledBytes).toBeLessThan(128 * 1024);
 */
export function endlessBody(chunkBytes = 16 * 1024): { stream: ReadableStream<Uint8Array>; reads: EndlessBodyReads } {
  const reads: EndlessBodyReads = { pulledBytes: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        controller.enqueue(new Uint8Array(chunkBytes));
        reads.pulledBytes += chunkBytes;
      },
      cancel() {
        reads.cancelled = true;
      },
    },
    // Nothing is produced ahead of a read, so pulledBytes is exactly what the reader asked for.
    { highWaterMark: 0 },
  );
  return { stream, reads };
}
