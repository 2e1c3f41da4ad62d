import { isIP } from "node:net";

/** An IP address as its octets: 4 for IPv4, 16 for IPv6. */
export type IpBytes = Uint8Array;

/**
 * The octets of an IPv4 or IPv6 address in text form, or null when the text is not one
 * (including scoped IPv6 text such as `fe80::1%eth0`: a zone names an interface of this
 * machine, which no MX address from DNS ever does). Never throws.
 *
 * @example
 * ipBytes("192.0.2.7"); // Uint8Array [192, 0, 2, 7]
 * ipBytes("::ffff:10.0.0.1")?.length; // 16
 * ipBytes("mx.example.org"); // null
 */
export function ipBytes(text: string): IpBytes | null {
  const family = isIP(text);
  if (family === 4) return ipv4Bytes(text);
  if (family === 6 && !text.includes("%")) return ipv6Bytes(text);
  return null;
}

/** `isIP` has vouched for the text: four decimal octets. */
function ipv4Bytes(text: string): IpBytes {
  return Uint8Array.from(text.split(".").map(Number));
}

/** `isIP` has vouched for the text: hex groups, at most one "::", maybe a dotted quad last. */
function ipv6Bytes(text: string): IpBytes {
  const groupsOf = (part: string): number[] => {
    if (part === "") return [];
    return part.split(":").flatMap((group) => {
      if (!group.includes(".")) return [parseInt(group, 16)];
      const [a, b, c, d] = ipv4Bytes(group);
      return [(a! << 8) | b!, (c! << 8) | d!];
    });
  };
  const [head = "", tail] = text.split("::");
  const left = groupsOf(head);
  const right = groupsOf(tail ?? "");
  const groups = tail === undefined ? left : [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return Uint8Array.from(groups.flatMap((group) => [group >> 8, group & 0xff]));
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
