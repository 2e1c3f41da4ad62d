/**
 * Reads one hostile (or merely huge) upload of the kind named on the command line with the bulk
 * readers, holding none of it: each input is generated as it is read, or is a small zip. Prints
 * one JSON line: the outcome (rows read, or the error's code), the bytes the input stands for,
 * the RSS before reading and the peak RSS of the process (resourceUsage().maxRSS). Run by
 * memory-bound.test.ts in a process of its own, with a heap cap, so the peak is this read's.
 *
 * @example
 * node --max-old-space-size=128 --import tsx shared/bulk/testing/memory-probe.ts read csv-delimiters
 * node --import tsx shared/bulk/testing/memory-probe.ts build xlsx-zip-bomb bomb.xlsx  # then: read xlsx-zip-bomb bomb.xlsx
 */
import { readFile, writeFile } from "node:fs/promises";
import { type ByteSource, bytesSource } from "../byte-source";
import { readFormParts } from "../multipart-reader";
import { readTable } from "../read-table";
import { repeated, sheetOf, xlsxOf } from "./xlsx-fixtures";

const MiB = 1024 * 1024;
const LIMITS = { maxBytes: 1 << 30, maxRows: 5_000_000 };

/** A source of `size` bytes made by `piece(offset)` (64 KiB at a time), never held. */
function generated(size: number, piece: (offset: number) => string): ByteSource {
  const encoder = new TextEncoder();
  const bytesAt = (offset: number) => encoder.encode(piece(offset));
  return {
    size,
    read: async (offset, length) => bytesAt(offset).subarray(0, length),
    stream: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= size) return controller.close();
          const bytes = bytesAt(offset).subarray(0, size - offset);
          offset += bytes.byteLength;
          controller.enqueue(bytes);
        },
      });
    },
  };
}

/** 64 KiB of CSV rows, each address different. */
const csvRows = (offset: number) => {
  const first = offset === 0 ? "email,name\n" : "";
  const rows = Array.from({ length: 2048 }, (_, i) => `u${offset + i}@example.net,Name ${i}\n`).join("");
  return first + rows.slice(0, 65_536 - first.length);
};

const csvKinds: Record<string, () => ByteSource> = {
  // One line of 100 MB of commas: 100 M fields, which delimiter detection must not hold.
  "csv-delimiters": () => generated(100 * MiB, (offset) => (offset === 0 ? "email\nann@example.net\n" : "") + ",".repeat(65_536)),
  // A quote that never closes, then 64 MB of rows.
  "csv-open-quote": () => generated(64 * MiB, (offset) => (offset === 0 ? 'email,note\n"ann@example.net,x\n' : "") + "bob@example.net,y\n".repeat(3640)),
  // A normal list of 64 MB, to show the bound does not grow with the file.
  "csv-64mb-rows": () => generated(64 * MiB, csvRows),
};

/** The XLSX of a kind, built (by the `build` step, in a process of its own) before it is read. */
async function xlsxKind(kind: string): Promise<Uint8Array> {
  const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;
  if (kind === "xlsx-past-xfd") return xlsxOf({ sheet: sheetOf([inline("A1", "email"), inline("ZZZZZZZ1", "x")]) });
  // 120 MB of XML packed into about 120 KB.
  if (kind === "xlsx-zip-bomb") return xlsxOf({ sheet: repeated("<row/>", 20_000_000) });
  // 100 MB of text with no "<" in one cell: the scanner used to rescan all it held on every chunk.
  if (kind === "xlsx-text-without-markup")
    return xlsxOf({
      sheet: ['<worksheet><sheetData><row><c t="inlineStr"><is><t>', ...repeated("x", 100 * MiB), "</t></is></c></row></sheetData></worksheet>"],
    });
  // Shared strings past their cap (22 MB of them): what the reader holds at most.
  if (kind === "xlsx-shared-strings-over-cap") {
    const strings = (function* () {
      yield "<sst>";
      for (let block = 0; block < 1000; block++) yield Array.from({ length: 1000 }, (_, i) => `<si><t>user${block * 1000 + i}@example.net</t></si>`).join("");
      yield "</sst>";
    })();
    return xlsxOf({ sheet: sheetOf([inline("A1", "email"), '<c r="A2" t="s"><v>999999</v></c>']), sharedStrings: strings });
  }
  // A normal sheet of 500,000 rows (about 35 MB of XML).
  if (kind === "xlsx-500k-rows") {
    const rows = (function* () {
      yield "<worksheet><sheetData>";
      for (let block = 0; block < 500; block++)
        yield Array.from({ length: 1000 }, (_, i) => `<row>${inline("A1", `user${block * 1000 + i}@example.net`)}</row>`).join("");
      yield "</sheetData></worksheet>";
    })();
    return xlsxOf({ sheet: rows });
  }
  throw new Error(`no such kind: ${kind}`);
}

/** A 100 MB form: one file of near-misses of the boundary (line breaks, dashes, its start). */
async function multipart(): Promise<{ rows: number }> {
  const boundary = "----mailvetProbe7MA4YWxkTrZu0gW";
  const encoder = new TextEncoder();
  const nearMisses = encoder.encode(`\r\n--${boundary.slice(0, -1)}x\r\n-`.repeat(1200).slice(0, 65_536));
  const chunks = (async function* () {
    yield encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\n\r\n`);
    for (let sent = 0; sent < 100 * MiB; sent += nearMisses.byteLength) yield nearMisses;
    yield encoder.encode(`\r\n--${boundary}--\r\n`);
  })();
  let bytes = 0;
  for await (const part of readFormParts(chunks, boundary)) for await (const chunk of part.body) bytes += chunk.byteLength;
  return { rows: bytes };
}

async function read(kind: string, file: string | undefined): Promise<{ outcome: string }> {
  try {
    if (kind === "multipart-near-boundaries") return { outcome: `read ${(await multipart()).rows} bytes` };
    const source = kind.startsWith("csv-") ? csvKinds[kind]!() : bytesSource(new Uint8Array(await readFile(file ?? "")));
    const table = await readTable(source, LIMITS);
    let rows = 0;
    for await (const _ of table.rows) rows++;
    return { outcome: `read ${rows} rows` };
  } catch (error) {
    return { outcome: (error as { code?: string }).code ?? String(error) };
  }
}

const [step, kind = "", file] = process.argv.slice(2);
if (step === "build") await writeFile(file ?? "", await xlsxKind(kind));
else {
  const startRss = process.memoryUsage().rss;
  const { outcome } = await read(kind, file);
  console.log(JSON.stringify({ kind, outcome, startRss, peakRss: process.resourceUsage().maxRSS * 1024 }));
}
