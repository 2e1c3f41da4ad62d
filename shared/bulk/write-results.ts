import { resultCells, resultHeader, type ResultRow } from "./result-row";
import { writeXlsx } from "./xlsx/write-xlsx";

/** Rows are gathered into pieces of about this many characters before they are encoded. */
const PIECE_CHARS = 64 * 1024;
const UTF8_BOM = "\ufeff";

/**
 * Results as CSV, streamed: UTF-8 with a byte-order mark (without one, Excel reads UTF-8 as the
 * machine's legacy code page and garbles CJK), comma-separated, CRLF line ends (RFC 4180), a
 * field quoted when it holds a comma, quote, line break, another delimiter a reader might guess (; tab |) or leading/trailing space. Cells are
 * written as they came, except that a cell a spreadsheet would run as a formula gets a `'` in
 * front (see neutralizeFormula); flags are "true"/"false", no suggestion an empty cell.
 *
 * @example
 * return new Response(toStream(resultsCsv(table.columns, results)), { headers: { "content-type": "text/csv; charset=utf-8" } });
 */
export async function* resultsCsv(columns: string[], results: AsyncIterable<ResultRow>): AsyncGenerator<Uint8Array> {
  yield* pieces(UTF8_BOM + csvLine(resultHeader(columns)), results, (result) => csvLine(resultCells(columns.length, result).map(String)));
}

/**
 * Results as the contract's JSON, streamed: `{"results":[{"row","email","verdict","reason","flags","suggestion","cells"}, …]}`
 * with `cells` the row's input cells in the order of `columns`.
 *
 * @example
 * for await (const chunk of resultsJson(results)) await writer.write(chunk);
 */
export async function* resultsJson(results: AsyncIterable<ResultRow>): AsyncGenerator<Uint8Array> {
  let first = true;
  yield* pieces('{"results":[', results, ({ row, email, verdict, reason, flags, suggestion, cells }) => {
    const item = JSON.stringify({ row, email, verdict, reason, flags, suggestion, cells });
    return first ? ((first = false), item) : `,${item}`;
  });
  yield new TextEncoder().encode("]}\n");
}

/**
 * Results as a one-sheet XLSX, streamed (see writeXlsx); flags are Excel booleans.
 *
 * @example
 * await bucket.put(key, toStream(resultsXlsx(table.columns, results)));
 */
export async function* resultsXlsx(columns: string[], results: AsyncIterable<ResultRow>): AsyncGenerator<Uint8Array> {
  async function* rows() {
    yield resultHeader(columns);
    for await (const result of results) yield resultCells(columns.length, result);
  }
  yield* writeXlsx("Results", rows());
}

/**
 * What starts a formula in Excel, LibreOffice or Google Sheets (OWASP, CSV Injection: `=` `+`
 * `-` `@` tab, carriage return), also behind spaces or quotes, which spreadsheets skip.
 */
const FORMULA_START = /^[\s"']*[=+\-@\t\r]/;

/**
 * A cell as text a spreadsheet will not evaluate: with a single quote in front when it starts
 * like a formula (OWASP's advice), as it was otherwise. So "-5" is written "'-5": a list's
 * cells are text, and no number is worth a formula run on the reader's machine.
 *
 * @example
 * neutralizeFormula("=HYPERLINK(\"http://x\")"); // "'=HYPERLINK(\"http://x\")"
 * neutralizeFormula("ann@example.net"); // "ann@example.net"
 */
export function neutralizeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * One CSV record as results write it: each field neutralised (neutralizeFormula), quoted when it
 * must be, CRLF at the end.
 *
 * @example
 * csvLine(["a,b", "=1+1"]); // "\"a,b\",'=1+1\r\n"
 */
export function csvLine(fields: string[]): string {
  return `${fields
    .map(neutralizeFormula)
    .map((field) => (/[",;\t|\r\n]|^\s|\s$/.test(field) ? `"${field.replaceAll('"', '""')}"` : field))
    .join(",")}\r\n`;
}

async function* pieces(start: string, results: AsyncIterable<ResultRow>, line: (result: ResultRow) => string): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  let piece = start;
  for await (const result of results) {
    piece += line(result);
    if (piece.length >= PIECE_CHARS) {
      yield encoder.encode(piece);
      piece = "";
    }
  }
  if (piece) yield encoder.encode(piece);
}
