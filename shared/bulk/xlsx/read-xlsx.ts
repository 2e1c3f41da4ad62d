import type { ByteSource } from "../byte-source";
import type { InputRow } from "../csv-rows";
import { MAX_ROW_CELLS, MAX_ROW_CHARS, rowTooLarge } from "../row-limits";
import { cellPosition, MAX_SHEET_ROWS } from "./cell-ref";
import { isDateFormat, serialToIso } from "./number-format";
import { decodeOoxmlText } from "./ooxml-text";
import { assertWithinBytes, SharedStrings } from "./shared-strings";
import { xmlEvents } from "./xml-events";
import { badXlsx, inflateCap, readZipDirectory, readZipEntry, type ZipEntry } from "./zip-reader";

/** Limits while unpacking; `maxBytes` bounds the sheet's uncompressed size. */
export interface XlsxLimits {
  maxBytes: number;
}

/** The workbook, its relationships and its styles are small; the shared strings are capped by SharedStrings. */
const SMALL_PART_BYTES = 16 * 1024 * 1024;
const SHARED_STRINGS_PART_BYTES = 128 * 1024 * 1024;

/**
 * The records of an XLSX's first sheet, one at a time, as text cells: strings as written (shared,
 * inline or formula results), numbers as stored ("42", "0.5"), dates and times as ISO 8601
 * ("2024-05-01", "2024-05-01 13:30:00"), booleans as TRUE/FALSE, errors as shown ("#N/A").
 * Missing cells are "" so columns line up; empty rows are skipped and not counted, as in CSV.
 * The sheet is read by range and inflated as it streams; only the shared strings table, which
 * every cell may point into, is held, compactly and within its limits (see SharedStrings).
 * Every part may unpack to at most 200 times its packed size (see inflateCap), the sheet to at
 * most `maxBytes`, the others to 16 MiB (`too_large`, the API's 413). A cell past XFD1048576,
 * Excel's last, is refused (`bad_xlsx`), and so is a record over the row limits (see
 * withinRowLimits), so a row is never padded to more than 16,384 cells.
 *
 * @example
 * for await (const { index, cells } of xlsxRows(source, { maxBytes })) console.log(index, cells);
 */
export async function* xlsxRows(source: ByteSource, limits: XlsxLimits): AsyncGenerator<InputRow> {
  const entries = await readZipDirectory(source);
  const part = (name: string, ceiling: number) => {
    const entry = entries.get(name);
    return partEvents(source, entry, entry ? inflateCap(entry, ceiling) : 0);
  };
  const workbook = await readWorkbook(part("xl/workbook.xml", SMALL_PART_BYTES), part("xl/_rels/workbook.xml.rels", SMALL_PART_BYTES));
  const sharedStrings = await readSharedStrings(part("xl/sharedStrings.xml", SHARED_STRINGS_PART_BYTES));
  const dateStyles = await readDateStyles(part("xl/styles.xml", SMALL_PART_BYTES));
  if (!entries.has(workbook.firstSheetPath)) throw badXlsx("it has no worksheet");
  let index = 0;
  let cells: string[] = [];
  let rowChars = 0;
  let cell: { column: number; type: string; style: number; text: string } | undefined;
  let inValue = false;
  for await (const event of part(workbook.firstSheetPath, limits.maxBytes)) {
    if (event.kind === "text") {
      if (!cell || !inValue) continue;
      cell.text += event.text;
      rowChars += event.text.length;
      if (rowChars > MAX_ROW_CHARS) throw rowTooLarge(index, `it holds more than ${MAX_ROW_CHARS.toLocaleString("en")} characters`);
    } else if (event.kind === "open") {
      if (event.name === "row") {
        cells = [];
        rowChars = 0;
      } else if (event.name === "c") {
        const { r = "", t = "n", s = "0" } = event.attributes;
        cell = { column: cellColumn(r, cells.length), type: t, style: Number(s), text: "" };
        if (event.selfClosing) cell = undefined;
      } else if (event.name === "v" || event.name === "t") inValue = !event.selfClosing;
    } else if (event.name === "v" || event.name === "t") inValue = false;
    else if (event.name === "c" && cell) {
      while (cells.length < cell.column) cells.push("");
      const text = cellText(cell, sharedStrings, dateStyles, workbook.date1904);
      // A shared string is counted where it is used: the table holds it once, the row again.
      if (cell.type === "s") rowChars += text.length;
      if (rowChars > MAX_ROW_CHARS) throw rowTooLarge(index, `it holds more than ${MAX_ROW_CHARS.toLocaleString("en")} characters`);
      cells[cell.column] = text;
      cell = undefined;
    } else if (event.name === "row" && cells.some((text) => text !== "")) yield { index: index++, cells };
  }
}

/** The 0-based column of a cell's reference (the next one when it has none), refused past XFD1048576. */
function cellColumn(reference: string, next: number): number {
  const { column = next, row = 1 } = cellPosition(reference);
  if (column < MAX_ROW_CELLS && row <= MAX_SHEET_ROWS) return column;
  // Only the reference's letters and digits are quoted: the message never echoes other text of the file.
  const quoted = (/^[A-Za-z]*[0-9]*/.exec(reference)?.[0] ?? "").slice(0, 20);
  throw badXlsx(
    reference
      ? `a cell reference (${quoted}) is past XFD${MAX_SHEET_ROWS}, Excel's last cell`
      : `a row has more than ${MAX_ROW_CELLS.toLocaleString("en")} cells`,
  );
}

function cellText(cell: { type: string; style: number; text: string }, sharedStrings: SharedStrings, dateStyles: Set<number>, date1904: boolean): string {
  if (cell.type === "s") return sharedStrings.get(Number(cell.text)) ?? "";
  if (cell.type === "b") return cell.text === "1" ? "TRUE" : "FALSE";
  if (cell.type === "n" && dateStyles.has(cell.style) && cell.text) return serialToIso(cell.text, date1904);
  return decodeOoxmlText(cell.text);
}

async function* partEvents(source: ByteSource, entry: ZipEntry | undefined, maxBytes: number) {
  if (!entry) return;
  const decoder = new TextDecoder();
  yield* xmlEvents(
    (async function* () {
      for await (const bytes of readZipEntry(source, entry, maxBytes)) yield decoder.decode(bytes, { stream: true });
      yield decoder.decode();
    })(),
  );
}

type Events = ReturnType<typeof partEvents>;

/** The path of the first sheet (through its relationship id) and the workbook's date system. */
async function readWorkbook(workbook: Events, relationships: Events): Promise<{ firstSheetPath: string; date1904: boolean }> {
  let firstSheetId: string | undefined;
  let date1904 = false;
  for await (const event of workbook) {
    if (event.kind !== "open") continue;
    if (event.name === "workbookPr") date1904 = event.attributes.date1904 === "1" || event.attributes.date1904 === "true";
    if (event.name === "sheet") firstSheetId ??= event.attributes.id;
  }
  for await (const event of relationships) {
    if (event.kind !== "open" || event.name !== "Relationship" || event.attributes.Id !== firstSheetId) continue;
    const target = event.attributes.Target ?? "";
    return { firstSheetPath: target.startsWith("/") ? target.slice(1) : `xl/${target}`, date1904 };
  }
  return { firstSheetPath: "xl/worksheets/sheet1.xml", date1904 };
}

/** The shared strings, in order; the text of rich-text runs joined, phonetic guides (rPh) left out. */
async function readSharedStrings(events: Events): Promise<SharedStrings> {
  const strings = new SharedStrings();
  let current = "";
  let inText = false;
  let inPhonetic = false;
  for await (const event of events) {
    if (event.kind === "text") {
      if (!inText || inPhonetic) continue;
      current += event.text;
      assertWithinBytes(strings.byteLength + current.length);
    } else if (event.kind === "open") {
      if (event.name === "si") current = "";
      else if (event.name === "rPh") inPhonetic = !event.selfClosing;
      else if (event.name === "t") inText = !event.selfClosing;
      if (event.name === "si" && event.selfClosing) strings.push("");
    } else if (event.name === "t") inText = false;
    else if (event.name === "rPh") inPhonetic = false;
    else if (event.name === "si") strings.push(decodeOoxmlText(current));
  }
  return strings;
}

/** Excel allows 64,000 cell formats; more is not a workbook but a way to fill memory. */
const MAX_STYLES = 65_536;

/** The cell style indexes (cellXfs) whose number format shows a date or time. */
async function readDateStyles(events: Events): Promise<Set<number>> {
  const customCodes = new Map<number, string>();
  const styles = new Set<number>();
  let inCellXfs = false;
  let xfIndex = 0;
  for await (const event of events) {
    if (customCodes.size > MAX_STYLES || xfIndex > MAX_STYLES) throw badXlsx(`its styles define more than ${MAX_STYLES.toLocaleString("en")} formats`);
    if (event.kind === "open" && event.name === "numFmt") customCodes.set(Number(event.attributes.numFmtId), event.attributes.formatCode ?? "");
    else if (event.kind === "open" && event.name === "cellXfs") inCellXfs = !event.selfClosing;
    else if (event.kind === "close" && event.name === "cellXfs") inCellXfs = false;
    else if (event.kind === "open" && event.name === "xf" && inCellXfs) {
      const id = Number(event.attributes.numFmtId ?? 0);
      if (isDateFormat(id, customCodes.get(id))) styles.add(xfIndex);
      xfIndex++;
    }
  }
  return styles;
}
