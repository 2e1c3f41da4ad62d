/**
 * Unpadded lower-case base32 (RFC 4648 §6 alphabet, lower case): only `a-z2-7`, so a text
 * survives mail systems that lower-case addresses.
 */

const ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

/**
 * @example
 * base32(new TextEncoder().encode("key:1")); // "nnsxsorr"
 */
export function base32(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

/**
 * The bytes of a base32 text, or null when it holds a character outside the alphabet or is not
 * the canonical encoding of its bytes (so two texts never decode to the same bytes).
 *
 * @example
 * new TextDecoder().decode(fromBase32("nnsxsorr")!); // "key:1"
 */
export function fromBase32(text: string): Uint8Array | null {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) return null;
    buffer = ((buffer << 5) | value) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  const bytes = new Uint8Array(out);
  return base32(bytes) === text ? bytes : null;
}
