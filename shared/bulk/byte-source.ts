import { BulkInputError } from "./errors";

/**
 * An upload that can be read both ways the formats need: as a stream (CSV is read front to back)
 * and by range (an XLSX's zip directory sits at its end). An R2 object gives both (`get` with and
 * without `range`), so neither format ever holds the whole file.
 */
export interface ByteSource {
  readonly size: number;
  /** Exactly `length` bytes from `offset`, which the caller keeps within `size`. */
  read(offset: number, length: number): Promise<Uint8Array>;
  stream(): ReadableStream<Uint8Array>;
}

/**
 * A ByteSource over bytes already in memory (a small JSON or test upload).
 *
 * @example
 * const source = bytesSource(new TextEncoder().encode("email\nann@example.net\n"));
 * source.size; // 22
 */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.byteLength,
    read: async (offset, length) => bytes.subarray(offset, offset + length),
    stream: () =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          if (bytes.byteLength > 0) controller.enqueue(bytes);
          controller.close();
        },
      }),
  };
}

/**
 * The chunks of a stream as an async iterable; stopping early (break, an error) cancels the stream,
 * so an abandoned upload is not read to its end.
 *
 * @example
 * for await (const chunk of streamChunks(source.stream())) total += chunk.byteLength;
 */
export async function* streamChunks<T>(stream: ReadableStream<T>): AsyncGenerator<T> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/**
 * The error for an upload over the byte limit.
 *
 * @example
 * if (source.size > maxBytes) throw tooLarge(maxBytes);
 */
export function tooLarge(maxBytes: number): BulkInputError {
  return new BulkInputError("too_large", `The file is larger than the ${maxBytes.toLocaleString("en")} bytes allowed; split it into smaller files.`);
}

/**
 * A ReadableStream over an async iterable of chunks (a writer's output), pulled as it is read,
 * for a Response body or an R2 put.
 *
 * @example
 * return new Response(toStream(resultsCsv(columns, results)));
 */
export function toStream(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
