import { tooLarge } from "../../../shared/bulk/byte-source";
import { ApiError } from "../../../shared/http/api-error";

/** Where job `id`'s upload is kept. */
export const uploadKey = (id: string) => `jobs/${id}/upload`;

/**
 * Streams a request body of declared length into R2 without holding it: R2 needs the length up
 * front, and the declared one is checked against the limit before a byte is read.
 *
 * @example
 * await putBody(env.JOBS_BUCKET, uploadKey(id), c.req.raw, MAX_UPLOAD_BYTES);
 */
export async function putBody(bucket: R2Bucket, key: string, request: Request, maxBytes: number): Promise<void> {
  const declared = request.headers.get("Content-Length");
  const length = declared === null ? Number.NaN : Number(declared);
  if (!Number.isSafeInteger(length) || length < 0) throw new ApiError(411, "invalid_request", "send the file with a Content-Length header");
  if (length > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) throw new ApiError(400, "invalid_request", "the request has no body");
  await bucket.put(key, request.body.pipeThrough(new FixedLengthStream(length)));
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
