import type { ByteSource } from "../byte-source";
import { BulkInputError } from "../errors";

/** One file inside a zip, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH_BYTES = 22 + 0xffff;
const READ_BYTES = 64 * 1024;
/** An XLSX has tens of parts; a directory past these is not one (and would be held whole). */
const MAX_ENTRIES = 10_000;
const MAX_DIRECTORY_BYTES = 4 * 1024 * 1024;

/**
 * The entries of a zip (an XLSX is one), read from its central directory at the end of the
 * source, so only the directory is read, not the file. More than 10,000 entries or a directory
 * over 4 MiB is refused (`bad_xlsx`).
 *
 * @example
 * const entries = await readZipDirectory(source);
 * entries.get("xl/workbook.xml")?.uncompressedSize;
 */
export async function readZipDirectory(source: ByteSource): Promise<Map<string, ZipEntry>> {
  const tailStart = Math.max(0, source.size - END_SEARCH_BYTES);
  const tail = await source.read(tailStart, source.size - tailStart);
  const tailView = view(tail);
  let end = -1;
  for (let i = tail.length - 22; i >= 0 && end < 0; i--) if (tailView.getUint32(i, true) === END_OF_DIRECTORY) end = i;
  if (end < 0) throw badXlsx("it is not a zip file");
  const size = tailView.getUint32(end + 12, true);
  const offset = tailView.getUint32(end + 16, true);
  if (tailView.getUint16(end + 10, true) > MAX_ENTRIES || size > MAX_DIRECTORY_BYTES) throw tooManyEntries();
  if (offset + size > source.size) throw badXlsx("its zip directory is cut off");
  const directory = await source.read(offset, size);
  const directoryView = view(directory);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  for (let at = 0; at + 46 <= directory.length && directoryView.getUint32(at, true) === DIRECTORY_ENTRY; ) {
    const nameLength = directoryView.getUint16(at + 28, true);
    const name = names.decode(directory.subarray(at + 46, at + 46 + nameLength));
    if (entries.size === MAX_ENTRIES) throw tooManyEntries();
    entries.set(name, {
      name,
      method: directoryView.getUint16(at + 10, true),
      compressedSize: directoryView.getUint32(at + 20, true),
      uncompressedSize: directoryView.getUint32(at + 24, true),
      localHeaderOffset: directoryView.getUint32(at + 42, true),
    });
    at += 46 + nameLength + directoryView.getUint16(at + 30, true) + directoryView.getUint16(at + 32, true);
  }
  return entries;
}

function tooManyEntries(): BulkInputError {
  return badXlsx(`its zip directory lists more than ${MAX_ENTRIES.toLocaleString("en")} files`);
}

/** Deflate packs XML 5 to 30 times; a zip bomb packs it a thousand times. */
const MAX_INFLATE_RATIO = 200;
/** What any part may unpack to, however small it is packed. */
const MIN_INFLATE_CAP = 16 * 1024 * 1024;

/**
 * The most bytes `entry` may unpack to: 200 times its packed size (at least 16 MiB), and never
 * more than `ceiling`. A zip bomb, packed a thousand times over, hits it early.
 *
 * @example
 * readZipEntry(source, entry, inflateCap(entry, 16 * 1024 * 1024));
 */
export function inflateCap(entry: ZipEntry, ceiling: number): number {
  return Math.min(ceiling, Math.max(MIN_INFLATE_CAP, entry.compressedSize * MAX_INFLATE_RATIO));
}

/**
 * The uncompressed bytes of one entry, read by range and inflated as they arrive (the runtime's
 * own DecompressionStream), refusing more than `maxBytes` of output (`too_large`) so a zip bomb
 * stops early: an entry that declares more is refused before it is read.
 *
 * @example
 * for await (const chunk of readZipEntry(source, entry, 50_000_000)) xml += decoder.decode(chunk, { stream: true });
 */
export async function* readZipEntry(source: ByteSource, entry: ZipEntry, maxBytes: number): AsyncGenerator<Uint8Array> {
  if (entry.method !== 0 && entry.method !== 8) throw badXlsx(`it uses zip compression method ${entry.method}`);
  if (entry.localHeaderOffset + 30 > source.size) throw badXlsx("a zip entry is cut off");
  const header = view(await source.read(entry.localHeaderOffset, 30));
  if (header.getUint32(0, true) !== LOCAL_HEADER) throw badXlsx("a zip entry is damaged");
  const start = entry.localHeaderOffset + 30 + header.getUint16(26, true) + header.getUint16(28, true);
  const end = start + entry.compressedSize;
  if (end > source.size) throw badXlsx("a zip entry is cut off");
  if (entry.uncompressedSize > maxBytes) throw inflatesTooFar(entry, maxBytes);
  let offset = start;
  const compressed = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const length = Math.min(READ_BYTES, end - offset);
      if (length > 0) controller.enqueue(await source.read(offset, length));
      offset += length;
      if (offset >= end) controller.close();
    },
  });
  const bytes = entry.method === 8 ? compressed.pipeThrough(new DecompressionStream("deflate-raw")) : compressed;
  const reader = bytes.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read().catch(() => {
        throw badXlsx("a zip entry does not inflate");
      });
      if (done) return;
      total += value.byteLength;
      if (total > maxBytes) throw inflatesTooFar(entry, maxBytes);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

function inflatesTooFar(entry: ZipEntry, maxBytes: number): BulkInputError {
  // A part's name comes from the file: quoted only when it is a plain path, never other text.
  const name = /^[\w./-]{1,80}$/.test(entry.name) ? entry.name : "part";
  return new BulkInputError(
    "too_large",
    `The spreadsheet's ${name} unpacks to more than the ${maxBytes.toLocaleString("en")} bytes allowed for it. Save it as CSV, or split it.`,
  );
}

/**
 * The error for an XLSX that cannot be read, saying why.
 *
 * @example
 * throw badXlsx("it has no worksheet");
 */
export function badXlsx(why: string): BulkInputError {
  return new BulkInputError("bad_xlsx", `The Excel file cannot be read: ${why}. Save it again as .xlsx, or export it as CSV.`);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
