import { inPrefix, ipBytes, type IpBytes } from "./ip-bytes";

/**
 * The special-purpose address ranges no outbound connection of Mailvet may reach: the prober's
 * SMTP sessions (MX hosts are named by whoever controls a domain's DNS) and the edge's webhook
 * deliveries (URLs are named by callers). Without them anyone could point Mailvet at its own
 * network: metadata services, admin ports, the loopback.
 */

interface ForbiddenRange {
  readonly name: string;
  readonly network: IpBytes;
  readonly prefixLength: number;
  /** The range embeds an IPv4 address at this octet: judge that address instead. */
  readonly embedsIpv4At?: number;
}

function range(cidr: string, name: string, embedsIpv4At?: number): ForbiddenRange {
  const [network, prefixLength] = cidr.split("/");
  return { name, network: ipBytes(network!)!, prefixLength: Number(prefixLength), ...(embedsIpv4At === undefined ? {} : { embedsIpv4At }) };
}

/** IANA's special-purpose IPv4 registry, less the few anycast blocks that are globally reachable. */
const IPV4_RANGES: readonly ForbiddenRange[] = [
  range("0.0.0.0/8", "unspecified (this network)"),
  range("10.0.0.0/8", "private"),
  range("100.64.0.0/10", "shared address space (CGNAT)"),
  range("127.0.0.0/8", "loopback"),
  range("169.254.0.0/16", "link-local"),
  range("172.16.0.0/12", "private"),
  range("192.0.0.0/24", "IETF protocol assignments"),
  range("192.0.2.0/24", "documentation"),
  range("192.88.99.0/24", "6to4 relay anycast (deprecated)"),
  range("192.168.0.0/16", "private"),
  range("198.18.0.0/15", "benchmarking"),
  range("198.51.100.0/24", "documentation"),
  range("203.0.113.0/24", "documentation"),
  range("224.0.0.0/4", "multicast"),
  range("255.255.255.255/32", "broadcast"),
  range("240.0.0.0/4", "reserved"),
];

/**
 * IPv6 ranges that are refused or that carry an IPv4 address to judge. Everything outside
 * global unicast (2000::/3) is refused after these rows; the rows before it name the cause.
 */
const IPV6_RANGES: readonly ForbiddenRange[] = [
  range("::/128", "unspecified"),
  range("::1/128", "loopback"),
  range("::ffff:0:0/96", "IPv4-mapped", 12),
  range("64:ff9b::/96", "NAT64", 12),
  range("64:ff9b:1::/48", "local-use NAT64"),
  range("100::/64", "discard-only"),
  range("2001::/32", "Teredo"),
  range("2001::/23", "IETF protocol assignments"),
  range("2001:db8::/32", "documentation"),
  range("2002::/16", "6to4", 2),
  range("3fff::/20", "documentation"),
  range("fc00::/7", "unique local (ULA)"),
  range("fe80::/10", "link-local"),
  range("fec0::/10", "site-local (deprecated)"),
  range("ff00::/8", "multicast"),
];

const GLOBAL_UNICAST = ipBytes("2000::")!;

/**
 * Why Mailvet must not connect to an address, or null when it may: the name of the
 * special-purpose range it lies in. IPv6 forms that carry an IPv4 address (v4-mapped, NAT64,
 * 6to4) are judged by that address. Anything that is not a plain IP address is refused.
 * Never throws.
 *
 * @example
 * forbiddenRange("10.1.2.3"); // "private"
 * forbiddenRange("::ffff:127.0.0.1"); // "IPv4-mapped: loopback"
 * forbiddenRange("2606:4700::1111"); // null
 */
export function forbiddenRange(ip: string): string | null {
  const bytes = ipBytes(ip);
  if (bytes === null) return "not an IP address";
  return forbiddenRangeOfBytes(bytes);
}

function forbiddenRangeOfBytes(bytes: IpBytes): string | null {
  const ranges = bytes.length === 4 ? IPV4_RANGES : IPV6_RANGES;
  const found = ranges.find((candidate) => inPrefix(bytes, candidate.network, candidate.prefixLength));
  if (found?.embedsIpv4At !== undefined) {
    const embedded = forbiddenRangeOfBytes(bytes.subarray(found.embedsIpv4At, found.embedsIpv4At + 4));
    return embedded === null ? null : `${found.name}: ${embedded}`;
  }
  if (found) return found.name;
  if (bytes.length === 16 && !inPrefix(bytes, GLOBAL_UNICAST, 3)) return "reserved (not global unicast)";
  return null;
}
