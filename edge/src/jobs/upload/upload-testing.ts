import { env } from "cloudflare:workers";
import { seededRandom } from "../../../../shared/gibberish/random";

/**
 * Test helpers for the upload paths: file bytes, request bodies that arrive in chunks (and may
 * break off), and a view of what reached R2.
 */

/** `length` bytes from a fixed seed, the same on every run. */
export function noise(length: number, seed = 0x9e3779b9): Uint8Array {
  const random = seededRandom(seed);
  return Uint8Array.from({ length }, () => random.int(0, 255));
}

/**
 * A body that hands `bytes` out `chunkSize` at a time, only when read (so `pulled` tells how far
 * the reader got), and errors instead of going past `breakAt` when given.
 */
export function trickle(
  bytes: Uint8Array,
  chunkSize: number,
  breakAt = Number.POSITIVE_INFINITY,
): { stream: ReadableStream<Uint8Array>; pulled: () => number } {
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= breakAt) controller.error(new Error("the connection was reset"));
        else if (offset >= bytes.byteLength) controller.close();
        else {
          controller.enqueue(bytes.slice(offset, offset + chunkSize));
          offset += chunkSize;
        }
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled: () => Math.min(offset, bytes.byteLength) };
}

/** A POST with the body and headers given, as the Worker receives it. */
export function upload(body: BodyInit, headers: Record<string, string>): Request {
  return new Request("http://edge/v1/jobs", { method: "POST", body, headers });
}

/** A `multipart/form-data` body as a client writes it; byte values go as files. */
export function formBody(boundary: string, fields: readonly (readonly [name: string, value: string | Uint8Array])[]): Uint8Array {
  const encoder = new TextEncoder();
  const pieces: Uint8Array[] = [];
  for (const [name, value] of fields) {
    const file = typeof value === "string" ? "" : `; filename="list.csv"\r\nContent-Type: text/csv`;
    pieces.push(encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file}\r\n\r\n`));
    pieces.push(typeof value === "string" ? encoder.encode(value) : value, encoder.encode("\r\n"));
  }
  pieces.push(encoder.encode(`--${boundary}--\r\n`));
  const body = new Uint8Array(pieces.reduce((length, piece) => length + piece.byteLength, 0));
  let offset = 0;
  for (const piece of pieces) {
    body.set(piece, offset);
    offset += piece.byteLength;
  }
  return body;
}

/** The bytes stored under `key`, or null when nothing is. */
export async function stored(key: string): Promise<Uint8Array | null> {
  const object = await env.JOBS_BUCKET.get(key);
  return object ? new Uint8Array(await object.arrayBuffer()) : null;
}

/** Where `actual` first differs from `expected`, -1 when it does not (toEqual is slow on MiBs). */
export function firstDifference(actual: Uint8Array | null, expected: Uint8Array): number {
  if (actual === null) return 0;
  const common = Math.min(actual.byteLength, expected.byteLength);
  for (let index = 0; index < common; index++) if (actual[index] !== expected[index]) return index;
  return actual.byteLength === expected.byteLength ? -1 : common;
}

/** A fresh key for one test's upload. */
export const testKey = () => `jobs/${crypto.randomUUID()}/upload`;

/**
 * The real bucket, with a log of the parts sent through its multipart uploads: for each, the part
 * number and what `progress()` said when it was sent (how much of the body had been read).
 */
export function watchedBucket(progress: () => number): { bucket: R2Bucket; parts: { number: number; progress: number }[]; uploadIds: string[] } {
  const parts: { number: number; progress: number }[] = [];
  const uploadIds: string[] = [];
  const real = env.JOBS_BUCKET;
  const watchUpload = (upload: R2MultipartUpload): R2MultipartUpload => {
    uploadIds.push(upload.uploadId);
    return forward(upload, {
      uploadPart: (number: number, value: Uint8Array) => {
        parts.push({ number, progress: progress() });
        return upload.uploadPart(number, value);
      },
    });
  };
  const bucket = forward(real, { createMultipartUpload: async (key: string) => watchUpload(await real.createMultipartUpload(key)) });
  return { bucket, parts, uploadIds };
}

/** `target` with some methods replaced; the others called on it. */
function forward<T extends object>(target: T, replaced: Record<string, unknown>): T {
  return new Proxy(target, {
    get(object, property) {
      if (typeof property === "string" && property in replaced) return replaced[property];
      const value: unknown = Reflect.get(object, property);
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
