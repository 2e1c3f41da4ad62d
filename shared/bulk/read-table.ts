import { streamChunks, tooLarge, type ByteSource } from "./byte-source";
import { csvRows, type InputRow } from "./csv-rows";
import { decodeText } from "./decode-text";
import { findEmailColumn } from "./email-column";
import { BulkInputError } from "./errors";
import { xlsxRows } from "./xlsx/read-xlsx";

/** The limits an upload must keep, from the API's settings. */
export interface TableLimits {
  maxBytes: number;
  /** Data rows, the header not counted. */
  maxRows: number;
}

/** One data row: its 0-based number among the data rows, its cells as read, and its e-mail cell. */
export interface DataRow {
  row: number;
  cells: string[];
  email: string;
}

/** An upload opened for reading: its columns, where the addresses are, and its data rows. */
export interface Table {
  format: "csv" | "xlsx";
  /** The header's cells, or "column 1", "column 2", … when the file has none. */
  columns: string[];
  emailColumn: number;
  rows: AsyncGenerator<DataRow>;
}

/** Records read before deciding where the addresses are, and the most text they may hold together. */
const DETECTION_RECORDS = 101;
const DETECTION_CHARS = 2 * 1024 * 1024;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Opens an upload, CSV in any encoding or XLSX (told apart by the zip signature, whatever the
 * name says), finds the e-mail column from its first 101 records (or 2 Mi characters of them),
 * and returns its data rows as a stream. Throws a BulkInputError for an upload over the limits
 * (`too_large`, `too_many_rows`: the API's 413), one that is empty, has no data rows, is not
 * text, has a record over the row limits, or has no e-mail column (400).
 *
 * @example
 * const table = await readTable(source, { maxBytes: 1 << 30, maxRows: 5_000_000 });
 * for await (const { row, email } of table.rows) await enqueue(row, email);
 */
export async function readTable(source: ByteSource, limits: TableLimits): Promise<Table> {
  if (source.size > limits.maxBytes) throw tooLarge(limits.maxBytes);
  if (source.size === 0) throw new BulkInputError("empty", "The file is empty.");
  const magic = await source.read(0, Math.min(4, source.size));
  const format = ZIP_MAGIC.every((byte, i) => magic[i] === byte) ? "xlsx" : "csv";
  const records = format === "xlsx" ? xlsxRows(source, limits) : csvRows(decodeText(streamChunks(source.stream())));
  const head: InputRow[] = [];
  let headChars = 0;
  let exhausted = false;
  // next(), not for await with break: breaking out would close the generator the rows go on from.
  while (head.length < DETECTION_RECORDS && headChars < DETECTION_CHARS) {
    const next = await records.next();
    if (next.done) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    for (const cell of next.value.cells) headChars += cell.length;
  }
  if (head.length === 0) throw new BulkInputError("no_rows", "The file has no rows.");
  const { column, hasHeader } = findEmailColumn(head.map((record) => record.cells));
  const width = Math.max(...head.map((record) => record.cells.length));
  const columns = hasHeader ? (head[0]?.cells ?? []) : Array.from({ length: width }, (_, i) => `column ${i + 1}`);
  if (hasHeader && head.length === 1 && exhausted) throw new BulkInputError("no_rows", "The file has a header row but no rows of data.");
  return { format, columns, emailColumn: column, rows: dataRows(head, exhausted ? null : records, hasHeader, column, limits.maxRows) };
}

async function* dataRows(
  head: InputRow[],
  rest: AsyncGenerator<InputRow> | null,
  hasHeader: boolean,
  column: number,
  maxRows: number,
): AsyncGenerator<DataRow> {
  let row = 0;
  const toData = (record: InputRow): DataRow => {
    if (row >= maxRows)
      throw new BulkInputError("too_many_rows", `The file has more than the ${maxRows.toLocaleString("en")} rows allowed; split it into smaller files.`);
    return { row: row++, cells: record.cells, email: (record.cells[column] ?? "").trim() };
  };
  for (const record of hasHeader ? head.slice(1) : head) yield toData(record);
  if (rest) for await (const record of rest) yield toData(record);
}
