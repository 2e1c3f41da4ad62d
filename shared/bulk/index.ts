/**
 * The bulk job's input and output formats, runtime-agnostic (workerd and Node): open an upload
 * (CSV in any common encoding, or XLSX) as a stream of data rows with its e-mail column found,
 * and write results as CSV, XLSX or JSON, streamed.
 *
 * @example
 * const table = await readTable(source, { maxBytes, maxRows });
 * return new Response(toStream(resultsCsv(table.columns, results)));
 */
export { ANSWER_BYTES, decodeAnswer, encodeAnswer, type RowAnswer } from "./answer-code";
export { bytesSource, streamChunks, toStream, type ByteSource } from "./byte-source";
export { csvRows, type InputRow } from "./csv-rows";
export { decodeText } from "./decode-text";
export { detectEncoding, type TextEncodingLabel } from "./detect-encoding";
export { findEmailColumn, type EmailColumn } from "./email-column";
export { BulkInputError, type BulkInputErrorCode } from "./errors";
export { readTable, type DataRow, type Table, type TableLimits } from "./read-table";
export { resultCells, resultHeader, type ResultFlags, type ResultRow } from "./result-row";
export { csvLine, resultsCsv, resultsJson, resultsXlsx } from "./write-results";
export { xlsxRows } from "./xlsx/read-xlsx";
export { writeXlsx, type XlsxCell } from "./xlsx/write-xlsx";
