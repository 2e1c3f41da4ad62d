import { ipBytes } from "../net/ip-bytes";

/**
 * The name RFC 5782 asks a block list about for an IP address: the IPv4 octets in reverse order
 * (§2.1), or the 32 nibbles of an IPv6 address in reverse order (§2.4), then the list's zone.
 * Null when `ip` is not an IP address.
 *
 * @example
 * dnsblQueryName("192.0.2.99", "zen.spamhaus.org"); // "99.2.0.192.zen.spamhaus.org"
 * dnsblQueryName("2001:db8::1", "zen.spamhaus.org"); // "1.0.0.0.….8.b.d.0.1.0.0.2.zen.spamhaus.org"
 */
export function dnsblQueryName(ip: string, zone: string): string | null {
  const octets = ipBytes(ip);
  if (octets === null) return null;
  const labels =
    octets.length === 4 ? Array.from(octets, String) : Array.from(octets).flatMap((octet) => [(octet >> 4).toString(16), (octet & 0xf).toString(16)]);
  return `${labels.reverse().join(".")}.${zone}`;
}

/** 4 or 6 for an IP address, null for anything else. */
export function ipFamily(ip: string): 4 | 6 | null {
  const octets = ipBytes(ip);
  return octets === null ? null : octets.length === 4 ? 4 : 6;
}
