import { detectEncoding, type TextEncodingLabel } from "./detect-encoding";
import { BulkInputError } from "./errors";

/** Enough text to tell the encodings apart, and small enough to hold while deciding. */
const SAMPLE_BYTES = 64 * 1024;

/** Text with more control characters than this share of its characters is not a text file. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Decodes an upload's bytes to text chunks: the encoding is decided from the first 64 KiB (see
 * detectEncoding), then the rest is decoded as it arrives, so memory stays at one chunk plus the
 * sample. A byte-order mark is dropped. Bytes that are not text (NULs, control characters, a zip
 * or other binary format) end in a `binary` BulkInputError rather than rows of garbage.
 *
 * @example
 * for await (const text of decodeText(streamChunks(upload.stream()))) parser.feed(text);
 */
export async function* decodeText(bytes: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const iterator = bytes[Symbol.asyncIterator]();
  const sample: Uint8Array[] = [];
  let sampled = 0;
  let exhausted = false;
  while (sampled < SAMPLE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    sample.push(next.value);
    sampled += next.value.byteLength;
  }
  const head = concat(sample);
  const encoding = detectEncoding(head.subarray(0, SAMPLE_BYTES));
  const decoder = new TextDecoder(encoding);
  const first = decoder.decode(head, { stream: !exhausted });
  assertText(first, encoding);
  if (first) yield first;
  if (exhausted) return;
  for (;;) {
    const next = await iterator.next();
    if (next.done) break;
    const text = decoder.decode(next.value, { stream: true });
    if (text) yield text;
  }
  const tail = decoder.decode();
  if (tail) yield tail;
}

function assertText(text: string, encoding: TextEncodingLabel): void {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) throw notText(encoding);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) controls++;
  }
  if (controls > text.length * MAX_CONTROL_SHARE) throw notText(encoding);
}

function notText(encoding: TextEncodingLabel): BulkInputError {
  return new BulkInputError(
    "binary",
    `The file is not text (read as ${encoding}, it holds control characters). Upload a CSV file, or an Excel file saved as .xlsx.`,
  );
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const joined = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}
