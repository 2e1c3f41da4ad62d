import { BulkInputError } from "./errors";

/**
 * The most cells one record may have: Excel's last column is XFD, the 16,384th. A wider record
 * is not a list of people but a file made to fill memory (one "line" of 100 MB of commas).
 */
export const MAX_ROW_CELLS = 16_384;

/** The most characters of text one record may hold, its cells together. */
export const MAX_ROW_CHARS = 1024 * 1024;

/**
 * The error for a record over MAX_ROW_CELLS or MAX_ROW_CHARS (the API's 400), saying which
 * record (1-based, as a spreadsheet numbers it) and why, never quoting its text.
 *
 * @example
 * if (cells.length > MAX_ROW_CELLS) throw rowTooLarge(index, `it has more than ${MAX_ROW_CELLS} cells`);
 */
export function rowTooLarge(index: number, why: string): BulkInputError {
  return new BulkInputError(
    "row_too_large",
    `Record ${(index + 1).toLocaleString("en")} of the file cannot be read: ${why}. Check the file's delimiter and quotes, or export it again.`,
  );
}

/**
 * Throws rowTooLarge when `cells` are over the record limits; returns them otherwise.
 *
 * @example
 * yield { index, cells: withinRowLimits(index, cells) };
 */
export function withinRowLimits(index: number, cells: string[]): string[] {
  if (cells.length > MAX_ROW_CELLS) throw rowTooLarge(index, `it has more than ${MAX_ROW_CELLS.toLocaleString("en")} cells`);
  let chars = 0;
  for (const cell of cells) chars += cell.length;
  if (chars > MAX_ROW_CHARS) throw rowTooLarge(index, `it holds more than ${MAX_ROW_CHARS.toLocaleString("en")} characters`);
  return cells;
}
