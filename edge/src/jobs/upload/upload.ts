import { streamChunks, tooLarge } from "../../../../shared/bulk/byte-source";
import { ApiError } from "../../../../shared/http/api-error";
import { putForm } from "./upload-form";
import { putChunks } from "./upload-parts";

/**
 * Streams a job's upload into R2 under `key` however it came, never holding it whole, and returns
 * the form's other fields (none for a CSV body). A CSV body with a Content-Length is one put, its
 * declared length checked before a byte is read; one without, or a form's `file`, goes up in parts
 * as it arrives. Over `maxBytes` it throws `tooLarge` (the API's 413), for a malformed request or
 * a body shorter than its Content-Length an ApiError 400, and whatever fails, nothing is left
 * under `key`.
 *
 * @example
 * const { fields } = await storeUpload(c.req.raw, env.JOBS_BUCKET, uploadKey(id), maxBytes);
 * fields.webhook_url; // from a multipart form, if it had one
 */
export async function storeUpload(request: Request, bucket: R2Bucket, key: string, maxBytes: number): Promise<{ fields: Record<string, string> }> {
  const contentType = request.headers.get("Content-Type") ?? "";
  const type = mediaType(request);
  if (type === "multipart/form-data") return { fields: await putForm(bucket, key, bodyChunks(request), contentType, maxBytes) };
  if (type === "text/csv" || type === "text/plain") {
    if (request.headers.has("Content-Length")) await putBody(bucket, key, request, maxBytes);
    else await putChunks(bucket, key, bodyChunks(request), maxBytes);
    return { fields: {} };
  }
  throw new ApiError(400, "invalid_request", 'send text/csv, multipart/form-data with a `file`, or application/json {"emails": [...]}');
}

/**
 * Whether a request is an upload storeUpload streams (a CSV body or a form to `POST /v1/jobs`),
 * which the jobs' own limits bound as it arrives; every other body is small and capped whole.
 *
 * @example
 * if (!isStreamedUpload(c.req.raw)) return limitBody(c, next);
 */
export function isStreamedUpload(request: Request): boolean {
  return request.method === "POST" && new URL(request.url).pathname === "/v1/jobs" && STREAMED_TYPES.has(mediaType(request));
}

const STREAMED_TYPES = new Set(["multipart/form-data", "text/csv", "text/plain"]);

function mediaType(request: Request): string {
  return (request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
}

/**
 * Streams a request body of declared length into R2 without holding it: R2 needs the length up
 * front, and the declared one is checked against the limit before a byte is read.
 */
async function putBody(bucket: R2Bucket, key: string, request: Request, maxBytes: number): Promise<void> {
  const declared = request.headers.get("Content-Length");
  const length = declared === null ? Number.NaN : Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) throw new ApiError(411, "invalid_request", "send the file with a Content-Length header");
  if (length > maxBytes) throw tooLarge(maxBytes);
  let received = 0;
  const counted = bodyOf(request).pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    await bucket.put(key, counted.pipeThrough(new FixedLengthStream(length)));
  } catch (error) {
    // A body that ends early or breaks off is the client's doing (R2 stores nothing of a failed put).
    if (received !== length)
      throw new ApiError(400, "invalid_request", `the upload ended after ${received} of the ${length} bytes its Content-Length declares`);
    throw error;
  }
}

/**
 * Writes `{"emails": [...]}` into R2 as a one-column CSV, so every upload is read one way.
 *
 * @example
 * await putEmails(env.JOBS_BUCKET, uploadKey(id), ["ann@example.net"]);
 */
export async function putEmails(bucket: R2Bucket, key: string, emails: string[]): Promise<void> {
  // Every field quoted, so a comma, quote or newline in a junk address stays in its cell.
  const lines = ["email", ...emails].map((email) => `"${email.replaceAll('"', '""')}"`);
  await bucket.put(key, `${lines.join("\r\n")}\r\n`);
}

/** The body's chunks as they arrive; one that breaks off (the client went away) is a 400, not a 500. */
async function* bodyChunks(request: Request): AsyncGenerator<Uint8Array> {
  const body = bodyOf(request);
  try {
    yield* streamChunks(body);
  } catch {
    throw new ApiError(400, "invalid_request", "the upload broke off before its end");
  }
}

function bodyOf(request: Request): ReadableStream<Uint8Array> {
  if (!request.body) throw new ApiError(400, "invalid_request", "the request has no body");
  return request.body;
}
