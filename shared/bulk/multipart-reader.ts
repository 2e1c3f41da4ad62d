import { ByteScanner, ScanError } from "./byte-scanner";
import { dispositionName } from "./multipart-headers";

/** The most bytes of one part's headers, and of a preamble before the first part. */
const MAX_HEADER_BYTES = 8 * 1024;
const CRLF = ascii("\r\n");
const DASHES = ascii("--");

/** One field of a `multipart/form-data` body. */
export interface FormPart {
  /** The field's name, from its Content-Disposition. */
  readonly name: string;
  /**
   * The field's bytes as they arrive. Read all, some or none of them before asking for the next
   * part: whatever is left is skipped then.
   */
  readonly body: AsyncIterable<Uint8Array>;
}

/** A body that is not the `multipart/form-data` its Content-Type says; the message says how. */
export class MultipartError extends Error {
  override readonly name = "MultipartError";
}

/**
 * The parts of a `multipart/form-data` body (RFC 7578) as they arrive: a part's bytes are passed
 * on while they are read, so a file of any size goes through holding one chunk at a time.
 * Stopping early (break, an error) stops reading `chunks`.
 *
 * @example
 * for await (const part of readFormParts(streamChunks(request.body), formBoundary(contentType))) {
 *   if (part.name === "file") await store(part.body);
 * }
 */
export async function* readFormParts(chunks: AsyncIterable<Uint8Array>, boundary: string): AsyncGenerator<FormPart> {
  const delimiter = ascii(`\r\n--${boundary}`);
  // A delimiter is a line break and the boundary, but the first one may open the body: reading
  // as if a line break came first finds that one too.
  const scanner = new ByteScanner(chunks, CRLF);
  try {
    await drain(
      read(scanner.until(delimiter, MAX_HEADER_BYTES), {
        too_long: "the form does not start with its boundary",
        ended: "the body has no part with the boundary its Content-Type names",
      }),
    );
    for (;;) {
      if (await scanner.skip(DASHES)) return; // the closing delimiter; the epilogue is not read
      const padding = await bytesOf(scanner.until(CRLF, MAX_HEADER_BYTES));
      if (padding.some((byte) => byte !== 0x20 && byte !== 0x09)) throw new MultipartError("a boundary line of the form has more after the boundary");
      const name = await partName(scanner);
      const body = read(scanner.until(delimiter, Number.POSITIVE_INFINITY));
      // No `return` on the iterator, so a reader that stops early leaves the rest to be skipped.
      yield { name, body: { [Symbol.asyncIterator]: () => ({ next: () => body.next() }) } };
      await drain(body);
    }
  } finally {
    await scanner.close();
  }
}

/** The name in the Content-Disposition among a part's header lines, which end at an empty one. */
async function partName(scanner: ByteScanner): Promise<string> {
  let name: string | null = null;
  let left = MAX_HEADER_BYTES;
  for (;;) {
    const bytes = await bytesOf(scanner.until(CRLF, left));
    if (bytes.byteLength === 0) break;
    left -= bytes.byteLength + CRLF.byteLength;
    // UTF-8, as browsers send file names.
    const line = new TextDecoder().decode(bytes);
    const colon = line.indexOf(":");
    if (colon < 1) throw new MultipartError("a part of the form has a header line that is not `Name: value`");
    if (line.slice(0, colon).trim().toLowerCase() === "content-disposition") name = dispositionName(line.slice(colon + 1));
  }
  if (name === null) throw new MultipartError("a part of the form has no name in its Content-Disposition header");
  return name;
}

type ScanMessages = Partial<Record<ScanError["reason"], string>>;

/** The scanned bytes, with the scanner's failures told as what they mean in a form. */
async function* read(bytes: AsyncIterable<Uint8Array>, messages: ScanMessages = {}): AsyncGenerator<Uint8Array> {
  try {
    yield* bytes;
  } catch (error) {
    if (!(error instanceof ScanError)) throw error;
    if (error.reason === "too_long") throw new MultipartError(messages.too_long ?? `a part's headers are over ${MAX_HEADER_BYTES} bytes`);
    throw new MultipartError(messages.ended ?? "the form ends before its closing boundary");
  }
}

/** A (short) line's bytes in one array. */
async function bytesOf(line: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of read(line)) chunks.push(chunk);
  const joined = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

async function drain(bytes: AsyncIterable<Uint8Array>): Promise<void> {
  for await (const _ of bytes);
}

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
