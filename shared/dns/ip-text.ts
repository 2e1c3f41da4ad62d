/**
 * The RFC 5952 text of a 16-octet IPv6 address: lower-case hex, no leading zeros, and the
 * longest run of two or more zero groups (the first, on a tie) written as "::".
 *
 * @example
 * ipv6Text(new Uint8Array([0x20, 0x01, 0x0d, 0xb8, ...new Array(11).fill(0), 1])); // "2001:db8::1"
 */
export function ipv6Text(octets: Uint8Array): string {
  const groups: number[] = [];
  for (let index = 0; index < 16; index += 2) groups.push((octets[index]! << 8) | octets[index + 1]!);
  let bestStart = -1;
  let bestLength = 1;
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0) length++;
    if (length > bestLength) [bestStart, bestLength] = [start, length];
  }
  const hex = groups.map((group) => group.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLength).join(":")}`;
}
