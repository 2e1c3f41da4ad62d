/** An IP address as its octets: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

// Decimal octets without leading zeros, as node's isIP and the URL parser's dotted quads.
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/**
 * The octets of an IPv4 or IPv6 address in text form, or null when the text is not one
 * (including scoped IPv6 text such as `fe80::1%eth0`: a zone names an interface of this
 * machine, which no address from DNS ever does). Runs in Node and in workerd. Never throws.
 *
 * @example
 * ipBytes("192.0.2.7"); // Uint8Array [192, 0, 2, 7]
 * ipBytes("::ffff:10.0.0.1")?.length; // 16
 * ipBytes("mx.example.org"); // null
 */
export function ipBytes(text: string): IpBytes | null {
  if (IPV4.test(text)) return ipv4Bytes(text);
  const groups = ipv6Groups(text);
  return groups && Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff]));
}

function ipv4Bytes(text: string): IpBytes {
  return Uint8Array.from(text.split(".").map(Number));
}

/** The eight 16-bit groups of IPv6 text: hex groups, at most one "::", maybe a dotted quad last. */
function ipv6Groups(text: string): number[] | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parts = halves.map((half) => (half === "" ? [] : half.split(":")));
  const groups: number[][] = [];
  for (const [index, part] of parts.entries()) {
    const read: number[] = [];
    for (const [position, group] of part.entries()) {
      const lastOfAll = index === parts.length - 1 && position === part.length - 1;
      if (lastOfAll && IPV4.test(group)) {
        const [a, b, c, d] = ipv4Bytes(group);
        read.push((a! << 8) | b!, (c! << 8) | d!);
      } else if (HEX_GROUP.test(group)) read.push(parseInt(group, 16));
      else return null;
    }
    groups.push(read);
  }
  const [left = [], right] = groups;
  const count = left.length + (right?.length ?? 0);
  if (right === undefined) return count === 8 ? left : null;
  // "::" stands for at least one zero group.
  if (count > 7) return null;
  return [...left, ...new Array<number>(8 - count).fill(0), ...right];
}

/**
 * Whether the first `prefixLength` bits of `address` equal those of `network` (same family).
 *
 * @example
 * inPrefix(ipBytes("10.1.2.3")!, ipBytes("10.0.0.0")!, 8); // true
 */
export function inPrefix(address: IpBytes, network: IpBytes, prefixLength: number): boolean {
  if (address.length !== network.length) return false;
  const wholeOctets = prefixLength >> 3;
  for (let index = 0; index < wholeOctets; index++) if (address[index] !== network[index]) return false;
  const restBits = prefixLength & 7;
  if (restBits === 0) return true;
  const mask = (0xff << (8 - restBits)) & 0xff;
  return (address[wholeOctets]! & mask) === (network[wholeOctets]! & mask);
}
