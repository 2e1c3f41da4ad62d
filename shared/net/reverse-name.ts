import { ipBytes } from "./ip-bytes";

/**
 * The labels of an address in reverse order, as reverse DNS (RFC 1035 §3.5, RFC 3596 §2.5)
 * and DNS block lists (RFC 5782 §2.1) write it: octets for IPv4, nibbles for IPv6. Null when
 * the text is not an IP address.
 *
 * @example
 * reversedLabels("192.0.2.7"); // "7.2.0.192"
 * reversedLabels("::1"); // "1.0.0.0.…0.0" (32 nibbles)
 */
export function reversedLabels(ip: string): string | null {
  const octets = ipBytes(ip);
  if (octets === null) return null;
  if (octets.length === 4) return [...octets].reverse().join(".");
  return [...octets]
    .flatMap((octet) => [octet >> 4, octet & 0xf])
    .reverse()
    .map((nibble) => nibble.toString(16))
    .join(".");
}

/**
 * The name an address's PTR record lives at: under `in-addr.arpa` or `ip6.arpa`.
 *
 * @example
 * reverseName("192.0.2.7"); // "7.2.0.192.in-addr.arpa"
 * reverseName("mx.example"); // null
 */
export function reverseName(ip: string): string | null {
  const labels = reversedLabels(ip);
  if (labels === null) return null;
  return `${labels}.${ipBytes(ip)!.length === 4 ? "in-addr.arpa" : "ip6.arpa"}`;
}
