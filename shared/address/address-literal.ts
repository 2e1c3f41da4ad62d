const IPV6_TAG = "ipv6:";

/**
 * Checks an RFC 5321 §4.1.3 address literal, brackets included, and returns its normal form
 * (the `IPv6:` tag spelled so and hex digits lower-cased), or undefined when it is not one.
 * General-address-literal (`[tag:content]`) is refused: no mail system routes it.
 *
 * @example
 * normalizeAddressLiteral("[192.0.2.1]");        // "[192.0.2.1]"
 * normalizeAddressLiteral("[ipv6:2001:DB8::1]"); // "[IPv6:2001:db8::1]"
 * normalizeAddressLiteral("[IPv6:1:2:3:4:5:6:7::]"); // undefined: "::" must stand for 2+ groups
 */
export function normalizeAddressLiteral(literal: string): string | undefined {
  if (literal.charCodeAt(0) !== 0x5b || literal.charCodeAt(literal.length - 1) !== 0x5d) return undefined;
  const body = literal.slice(1, -1);
  if (body.slice(0, IPV6_TAG.length).toLowerCase() !== IPV6_TAG) return isIpv4(body) ? literal : undefined;
  const address = body.slice(IPV6_TAG.length).toLowerCase();
  return isIpv6(address) ? `[IPv6:${address}]` : undefined;
}

const DECIMAL_OCTET = /^[0-9]{1,3}$/;

/** Four decimal numbers 0-255 of one to three digits (RFC 5321 Snum), joined by dots. */
function isIpv4(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((part) => DECIMAL_OCTET.test(part) && Number(part) <= 255);
}

/**
 * RFC 5321 IPv6-addr: eight groups of 1-4 hex digits, the last two of which may be written as
 * an IPv4 address; or fewer around one "::", which stands for at least two zero groups, so at
 * most six groups may be written beside it.
 */
function isIpv6(text: string): boolean {
  const lastGroupStart = text.lastIndexOf(":") + 1;
  const hasIpv4Tail = text.includes(".", lastGroupStart);
  if (hasIpv4Tail && !isIpv4(text.slice(lastGroupStart))) return false;
  // Counted as the two groups it stands for, the IPv4 tail needs no other special case.
  const hex = hasIpv4Tail ? `${text.slice(0, lastGroupStart)}0:0` : text;
  const compressed = hex.indexOf("::");
  if (compressed < 0) return countHexGroups(hex) === 8;
  if (hex.includes("::", compressed + 1)) return false;
  return countHexGroups(hex.slice(0, compressed)) + countHexGroups(hex.slice(compressed + 2)) <= 6;
}

const HEX_GROUP = /^[0-9a-f]{1,4}$/;

/** How many groups a ":"-separated list holds (0 for ""), or NaN, which fails every comparison, when one is malformed. */
function countHexGroups(list: string): number {
  if (list === "") return 0;
  const groups = list.split(":");
  return groups.every((group) => HEX_GROUP.test(group)) ? groups.length : Number.NaN;
}
