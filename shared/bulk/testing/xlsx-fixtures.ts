import { collect } from "./fixtures";
import { writeZip } from "../xlsx/zip-writer";

/** Text as it is produced: one string, or pieces of one (a generator, so a huge part is never held). */
export type PartText = string | Iterable<string>;

/**
 * An XLSX of hand-written parts, for files no spreadsheet program writes: the sheet at the path
 * the reader falls back to without a workbook, and the shared strings and styles when given. Each part is
 * deflated as its pieces come, so a part of gigabytes costs only its packed size.
 *
 * @example
 * const bytes = await xlsxOf({ sheet: '<worksheet><sheetData><row><c r="ZZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>' });
 */
export async function xlsxOf(parts: { sheet: PartText; sharedStrings?: PartText; styles?: PartText; extra?: number }): Promise<Uint8Array> {
  const files = [{ name: "xl/worksheets/sheet1.xml", content: encoded(parts.sheet) }];
  if (parts.sharedStrings !== undefined) files.push({ name: "xl/sharedStrings.xml", content: encoded(parts.sharedStrings) });
  if (parts.styles !== undefined) files.push({ name: "xl/styles.xml", content: encoded(parts.styles) });
  for (let index = 0; index < (parts.extra ?? 0); index++) files.push({ name: `x/${index}`, content: encoded("") });
  return new Uint8Array(await new Blob(await collect(writeZip(files))).arrayBuffer());
}

/** A sheet of rows of cells, given as their inner XML. */
export function sheetOf(rows: Iterable<string>): Iterable<string> {
  return (function* () {
    yield "<worksheet><sheetData>";
    for (const row of rows) yield `<row>${row}</row>`;
    yield "</sheetData></worksheet>";
  })();
}

/** `count` copies of `text`, gathered into pieces of about 64 KiB. */
export function* repeated(text: string, count: number): Generator<string> {
  const perPiece = Math.max(1, Math.floor(65_536 / Math.max(1, text.length)));
  const piece = text.repeat(perPiece);
  for (let left = count; left > 0; left -= perPiece) yield left >= perPiece ? piece : text.repeat(left);
}

async function* encoded(text: PartText): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for (const piece of typeof text === "string" ? [text] : text) yield encoder.encode(piece);
}
