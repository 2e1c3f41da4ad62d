import type { ByteSource } from "../../../../shared/bulk";

/**
 * A ByteSource over an R2 object, so the bulk readers see an upload without it ever being held
 * whole: CSV streams it front to back, XLSX reads its zip directory by range. Null when the
 * object is missing.
 *
 * @example
 * const source = await r2Source(env.JOBS_BUCKET, "jobs/123/upload");
 * if (source) await readTable(source, limits);
 */
export async function r2Source(bucket: R2Bucket, key: string): Promise<ByteSource | null> {
  const head = await bucket.head(key);
  if (!head) return null;
  const body = async (options?: R2GetOptions): Promise<R2ObjectBody> => {
    const object = await bucket.get(key, options);
    // The object was there a moment ago; only a deletion in between (retention) gets here.
    if (!object) throw new Error("the upload disappeared while it was read");
    return object;
  };
  return {
    size: head.size,
    read: async (offset, length) => new Uint8Array(await (await body({ range: { offset, length } })).arrayBuffer()),
    stream: () => {
      // Opened on the first pull, so a stream that is never read costs no request.
      let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          reader ??= (await body()).body.getReader();
          const next = await reader.read();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel(reason) {
          await reader?.cancel(reason);
        },
      });
    },
  };
}
