import { BulkInputError } from "../errors";
import { crc32 } from "./crc32";

/** A file to put in a zip: its name and its content, produced a chunk at a time. */
export interface ZipFile {
  name: string;
  content: AsyncIterable<Uint8Array>;
}

const ZIP32_LIMIT = 0xffffffff;

/**
 * Writes a zip as a stream: each file deflated (the runtime's CompressionStream) as its content
 * arrives, sizes and CRC in a data descriptor after it, the directory at the end. Nothing but
 * the directory is kept. Without Zip64, the whole zip must stay under 4 GiB.
 *
 * @example
 * for await (const chunk of writeZip([{ name: "a.txt", content: oneChunk(bytes) }])) await writer.write(chunk);
 */
export async function* writeZip(files: Iterable<ZipFile>): AsyncGenerator<Uint8Array> {
  const directory: Uint8Array[] = [];
  let offset = 0;
  let count = 0;
  for (const file of files) {
    const name = new TextEncoder().encode(file.name);
    const local = header(
      30 + name.length,
      (v) => {
        v.setUint32(0, 0x04034b50, true);
        v.setUint16(4, 20, true);
        // Bit 3: sizes and CRC follow the data; bit 11: the name is UTF-8.
        v.setUint16(6, 0x0808, true);
        v.setUint16(8, 8, true);
        v.setUint16(26, name.length, true);
      },
      name,
    );
    const start = offset;
    offset += local.length;
    yield local;
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    for await (const chunk of deflate(file.content, (raw) => {
      crc = crc32(crc, raw);
      size += raw.length;
    })) {
      compressedSize += chunk.length;
      yield chunk;
    }
    offset += compressedSize;
    if (offset > ZIP32_LIMIT) throw new BulkInputError("too_large", "The results are too large for an Excel file; download them as CSV.");
    const descriptor = header(16, (v) => {
      v.setUint32(0, 0x08074b50, true);
      v.setUint32(4, crc, true);
      v.setUint32(8, compressedSize, true);
      v.setUint32(12, size, true);
    });
    offset += descriptor.length;
    yield descriptor;
    directory.push(
      header(
        46 + name.length,
        (v) => {
          v.setUint32(0, 0x02014b50, true);
          v.setUint16(4, 20, true);
          v.setUint16(6, 20, true);
          v.setUint16(8, 0x0808, true);
          v.setUint16(10, 8, true);
          v.setUint32(16, crc, true);
          v.setUint32(20, compressedSize, true);
          v.setUint32(24, size, true);
          v.setUint16(28, name.length, true);
          v.setUint32(42, start, true);
        },
        name,
      ),
    );
    count++;
  }
  const directorySize = directory.reduce((sum, entry) => sum + entry.length, 0);
  yield* directory;
  yield header(22, (v) => {
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, count, true);
    v.setUint16(10, count, true);
    v.setUint32(12, directorySize, true);
    v.setUint32(16, offset, true);
  });
}

function header(length: number, fill: (view: DataView) => void, name?: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(length);
  fill(new DataView(bytes.buffer));
  if (name) bytes.set(name, length - name.length);
  return bytes;
}

/** Deflates content as it arrives, telling `onRaw` about each uncompressed chunk first. */
async function* deflate(content: AsyncIterable<Uint8Array>, onRaw: (raw: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  const compression = new CompressionStream("deflate-raw");
  const writer = compression.writable.getWriter();
  const writing = (async () => {
    for await (const raw of content) {
      onRaw(raw);
      await writer.write(raw);
    }
    await writer.close();
  })();
  // Read while writing, or the compressor's queue fills and the writer waits forever.
  writing.catch((error: unknown) => writer.abort(error).catch(() => undefined));
  const reader = compression.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    yield value;
  }
  await writing;
}
