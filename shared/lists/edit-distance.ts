import { areAdjacentKeys } from "./keyboard";

/** Scratch rows reused across calls: the distance runs once per unknown domain, on a hot path. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** A slip onto a neighbouring key costs 1; any other substitution costs as much as two edits. */
function substitutionCost(typed: string, intended: string): number {
  if (typed === intended) return 0;
  return areAdjacentKeys(typed, intended) ? 1 : 2;
}

/**
 * A typing distance from what was typed to what was meant: optimal string alignment
 * (Damerau–Levenshtein without repeated edits of one substring), where an insertion, a deletion
 * or a swap of two neighbouring characters costs 1 and a substitution costs 1 only between
 * touching keys. Work stops as soon as the distance must exceed `max`, and then returns `max + 1`.
 *
 * @example
 * typoDistance("gmial", "gmail", 2); // 1 (swap)
 * typoDistance("gnail", "gmail", 2); // 1 (n is next to m)
 * typoDistance("never", "naver", 2); // 2 (e is not next to a)
 */
export function typoDistance(typed: string, intended: string, max: number): number {
  const typedLength = typed.length;
  const intendedLength = intended.length;
  if (Math.abs(typedLength - intendedLength) > max) return max + 1;
  if (intendedLength >= rows[0].length) {
    rows = [new Int32Array(intendedLength + 1), new Int32Array(intendedLength + 1), new Int32Array(intendedLength + 1)];
  }
  let [beforePrevious, previous, current] = rows;
  for (let j = 0; j <= intendedLength; j++) previous[j] = j;
  for (let i = 1; i <= typedLength; i++) {
    current[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= intendedLength; j++) {
      const typedChar = typed[i - 1]!;
      const intendedChar = intended[j - 1]!;
      let cost = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + substitutionCost(typedChar, intendedChar));
      const swapped = i > 1 && j > 1 && typedChar === intended[j - 2] && typed[i - 2] === intendedChar;
      if (swapped && typedChar !== intendedChar) cost = Math.min(cost, beforePrevious[j - 2]! + 1);
      current[j] = cost;
      if (cost < rowMinimum) rowMinimum = cost;
    }
    if (rowMinimum > max) return max + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return Math.min(previous[intendedLength]!, max + 1);
}
