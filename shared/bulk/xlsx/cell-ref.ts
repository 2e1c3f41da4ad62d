/** Excel's last row; its last column, XFD, is MAX_ROW_CELLS (16,384). */
export const MAX_SHEET_ROWS = 1_048_576;

/**
 * The 0-based column and 1-based row of a cell reference such as "B7" or "AA1"; a part it lacks
 * is undefined. Counting stops past Excel's last column (XFD) and row, so "ZZZZZZZ1" gives a
 * column the caller can refuse rather than a number of billions.
 *
 * @example
 * cellPosition("C12"); // { column: 2, row: 12 }
 * cellPosition("12"); // { column: undefined, row: 12 }
 */
export function cellPosition(reference: string): { column: number | undefined; row: number | undefined } {
  let column = 0;
  let at = 0;
  for (; at < reference.length; at++) {
    const code = reference.charCodeAt(at) & ~0x20; // upper case
    if (code < 0x41 || code > 0x5a) break;
    // Past XFD the value no longer matters, only that it is too far.
    if (column <= LAST_COLUMN) column = column * 26 + (code - 0x40);
  }
  const digits = /^[0-9]+/.exec(reference.slice(at, at + 12))?.[0];
  return { column: at === 0 ? undefined : column - 1, row: digits === undefined ? undefined : Number(digits) };
}

/** XFD as a 1-based number. */
const LAST_COLUMN = 16_384;

/**
 * The letters of a 0-based column.
 *
 * @example
 * columnLetters(0); // "A"
 * columnLetters(27); // "AB"
 */
export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(0x41 + ((n - 1) % 26)) + letters;
  return letters;
}
