/**
 * The 0-based column of a cell reference such as "B7" or "AA1" (letters A..XFD), or undefined
 * when the reference has no letters.
 *
 * @example
 * columnOf("C12"); // 2
 * columnOf("AA1"); // 26
 */
export function columnOf(reference: string): number | undefined {
  let column = 0;
  let letters = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 0x41 || code > 0x5a) break;
    column = column * 26 + (code - 0x40);
    letters++;
  }
  return letters === 0 ? undefined : column - 1;
}

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
