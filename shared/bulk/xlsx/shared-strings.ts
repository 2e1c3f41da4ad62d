import { BulkInputError } from "../errors";

/** Enough for a list of about half a million distinct addresses; a bigger one fits in CSV. */
export const MAX_SHARED_STRINGS = 1_000_000;
export const MAX_SHARED_STRING_BYTES = 16 * 1024 * 1024;

/**
 * An XLSX's shared strings table, which any cell may point into and so is held while the sheet
 * is read: as UTF-8 in one buffer with an end offset per string (a JS string each would cost
 * several times as much), refused past 1,000,000 strings or 16 MiB (`too_large`), so what it
 * holds never grows with the file.
 *
 * @example
 * const strings = new SharedStrings();
 * strings.push("ann@example.net");
 * strings.get(0); // "ann@example.net"
 */
export class SharedStrings {
  #bytes = new Uint8Array(64 * 1024);
  #ends = new Uint32Array(1024);
  #count = 0;
  readonly #encoder = new TextEncoder();
  readonly #decoder = new TextDecoder();

  /** How many bytes the strings take so far. */
  get byteLength(): number {
    return this.#count === 0 ? 0 : (this.#ends[this.#count - 1] ?? 0);
  }

  /** Adds the next string; throws `too_large` past the limits. */
  push(text: string): void {
    if (this.#count === MAX_SHARED_STRINGS) throw tooMany(`${MAX_SHARED_STRINGS.toLocaleString("en")} strings`);
    const bytes = this.#encoder.encode(text);
    const end = this.byteLength + bytes.byteLength;
    assertWithinBytes(end);
    if (end > this.#bytes.byteLength) this.#bytes = grown(this.#bytes, end, MAX_SHARED_STRING_BYTES);
    if (this.#count === this.#ends.length) this.#ends = grown(this.#ends, this.#count + 1, MAX_SHARED_STRINGS);
    this.#bytes.set(bytes, this.byteLength);
    this.#ends[this.#count++] = end;
  }

  /** The string at `index`, or undefined past the end. */
  get(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.#count) return undefined;
    const start = index === 0 ? 0 : (this.#ends[index - 1] ?? 0);
    return this.#decoder.decode(this.#bytes.subarray(start, this.#ends[index]));
  }
}

/**
 * Throws `too_large` when shared strings of `bytes` (UTF-8, or characters of one still being
 * read, which are at least as many) would be over MAX_SHARED_STRING_BYTES.
 *
 * @example
 * assertWithinBytes(strings.byteLength + current.length);
 */
export function assertWithinBytes(bytes: number): void {
  if (bytes > MAX_SHARED_STRING_BYTES) throw tooMany(`${MAX_SHARED_STRING_BYTES.toLocaleString("en")} bytes of text`);
}

function tooMany(what: string): BulkInputError {
  return new BulkInputError(
    "too_large",
    `The spreadsheet's shared strings hold more than ${what}, more than a list is read with. Save it as CSV, or split it.`,
  );
}

function grown<T extends Uint8Array | Uint32Array>(array: T, needed: number, most: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.min(most, Math.max(needed, array.length * 2)));
  next.set(array);
  return next;
}
