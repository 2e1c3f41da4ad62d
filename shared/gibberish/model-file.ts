/**
 * The model ships as base64 text inside a module, which every bundler inlines as a plain string
 * and which decodes with `atob` (present in workerd, browsers and Node) in well under a millisecond.
 */

/**
 * The bytes of a signed table as base64.
 *
 * @example
 * encodeTable(Int8Array.of(-1, 0, 1)); // "/wAB"
 */
export function encodeTable(table: Int8Array): string {
  let binary = "";
  for (const value of table) binary += String.fromCharCode(value & 0xff);
  return btoa(binary);
}

/**
 * The signed table back from its base64 text.
 *
 * @example
 * decodeTable("/wAB"); // Int8Array [-1, 0, 1]
 */
export function decodeTable(base64: string): Int8Array {
  const binary = atob(base64);
  const table = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) table[i] = (binary.charCodeAt(i) << 24) >> 24;
  return table;
}
