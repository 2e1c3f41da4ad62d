import { ApiError } from "../http/api-error";

/**
 * Reads a request's (or a response's) body, but never more than `maxBytes` of it: a declared
 * Content-Length over the limit is refused before a byte is read, and a stream that runs over is
 * cancelled at the first chunk past the limit. Either way a 413 ApiError.
 *
 * @example
 * const body = await readBodyWithin(request, 64 * 1024);
 */
export async function readBodyWithin(message: Request | Response, maxBytes: number): Promise<Uint8Array> {
  const what = message instanceof Response ? "response" : "request";
  const tooLarge = () => new ApiError(413, "payload_too_large", `the ${what} body is larger than ${maxBytes} bytes`);
  if (Number(message.headers.get("content-length")) > maxBytes) throw tooLarge();
  if (message.body === null) return new Uint8Array(0);

  const reader = message.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      // Not awaited: the answer need not wait for the sender to notice.
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}
