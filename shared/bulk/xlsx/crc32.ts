/** The CRC-32 (IEEE 802.3) table, built once. */
const TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * Extends a running CRC-32 (the checksum zip stores per entry) by more bytes; start from 0.
 *
 * @example
 * crc32(crc32(0, first), second) === crc32(0, both); // true
 * crc32(0, new TextEncoder().encode("123456789")); // 0xcbf43926
 */
export function crc32(crc: number, bytes: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return ~c >>> 0;
}
