/**
 * The symbols the gibberish model reads. Letters keep their identity (case folded) because
 * their order is what tells a name from a random string; all digits share one symbol and all
 * other ASCII characters (. _ - + and the rest allowed in a local part) share another, because
 * what matters about them is where they stand, not which one it is.
 */
export const BOUNDARY = 0;
export const DIGIT = 27;
export const SEPARATOR = 28;
export const SYMBOL_COUNT = 29;

/** Marks a character outside ASCII, which an ASCII model has no evidence about. */
export const NOT_ASCII = -1;

/** The symbol of each ASCII character code, so the hot loop is one array read per character. */
export const SYMBOL_BY_ASCII: Readonly<Int8Array> = buildSymbolTable();

function buildSymbolTable(): Int8Array {
  const table = new Int8Array(128).fill(SEPARATOR);
  for (let letter = 0; letter < 26; letter++) {
    table[0x61 + letter] = letter + 1;
    table[0x41 + letter] = letter + 1;
  }
  for (let digit = 0x30; digit <= 0x39; digit++) table[digit] = DIGIT;
  return table;
}

/**
 * The symbol of one UTF-16 code unit.
 *
 * @example
 * symbolOf("B".charCodeAt(0)); // 2
 * symbolOf("7".charCodeAt(0)); // DIGIT
 * symbolOf("é".charCodeAt(0)); // NOT_ASCII
 */
export function symbolOf(code: number): number {
  return code < 128 ? SYMBOL_BY_ASCII[code]! : NOT_ASCII;
}

/**
 * Where the score of symbol `next` after `first`, `second` sits in a flat trigram table.
 *
 * @example
 * trigramIndex(BOUNDARY, BOUNDARY, 1); // 1: "a" opening a local part
 */
export function trigramIndex(first: number, second: number, next: number): number {
  return (first * SYMBOL_COUNT + second) * SYMBOL_COUNT + next;
}

/** Entries in a table with one score per trigram of symbols. */
export const TRIGRAM_COUNT = SYMBOL_COUNT * SYMBOL_COUNT * SYMBOL_COUNT;
