/** QWERTY rows; each row is offset half a key from the one above, as on a real keyboard. */
const ROWS = ["1234567890-", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

/** Each key's neighbours: left and right on its row, and the two touching it above and below. */
const NEIGHBOURS = new Map<string, Set<string>>();
for (let row = 0; row < ROWS.length; row++) {
  const keys = ROWS[row]!;
  for (let column = 0; column < keys.length; column++) {
    const around = [keys[column - 1], keys[column + 1]];
    around.push(ROWS[row - 1]?.[column], ROWS[row - 1]?.[column + 1]);
    around.push(ROWS[row + 1]?.[column - 1], ROWS[row + 1]?.[column]);
    NEIGHBOURS.set(keys[column]!, new Set(around.filter((key) => key !== undefined)));
  }
}

/**
 * Whether two keys touch on a QWERTY keyboard, which makes hitting one for the other a likely
 * slip of the finger rather than a different word.
 *
 * @example
 * areAdjacentKeys("m", "n"); // true
 * areAdjacentKeys("a", "e"); // false
 */
export function areAdjacentKeys(a: string, b: string): boolean {
  return NEIGHBOURS.get(a)?.has(b) ?? false;
}
