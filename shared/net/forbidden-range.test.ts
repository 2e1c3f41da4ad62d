import { BlockList } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forbiddenRange } from "./forbidden-range";

/** Each special-purpose range: an address at its start, one at its end, and the name it is refused under. */
const REFUSED: readonly (readonly [first: string, last: string, name: string])[] = [
  ["0.0.0.0", "0.255.255.255", "unspecified (this network)"],
  ["10.0.0.0", "10.255.255.255", "private"],
  ["100.64.0.0", "100.127.255.255", "shared address space (CGNAT)"],
  ["127.0.0.1", "127.255.255.254", "loopback"],
  ["169.254.0.0", "169.254.255.255", "link-local"],
  ["172.16.0.0", "172.31.255.255", "private"],
  ["192.0.0.0", "192.0.0.255", "IETF protocol assignments"],
  ["192.0.2.0", "192.0.2.255", "documentation"],
  ["192.88.99.0", "192.88.99.255", "6to4 relay anycast (deprecated)"],
  ["192.168.0.0", "192.168.255.255", "private"],
  ["198.18.0.0", "198.19.255.255", "benchmarking"],
  ["198.51.100.0", "198.51.100.255", "documentation"],
  ["203.0.113.0", "203.0.113.255", "documentation"],
  ["224.0.0.0", "239.255.255.255", "multicast"],
  ["240.0.0.0", "255.255.255.254", "reserved"],
  ["255.255.255.255", "255.255.255.255", "broadcast"],
  ["::", "::", "unspecified"],
  ["::1", "::1", "loopback"],
  ["::ffff:10.0.0.1", "::ffff:a00:1", "IPv4-mapped: private"],
  ["::ffff:127.0.0.1", "::FFFF:7F00:1", "IPv4-mapped: loopback"],
  ["64:ff9b::192.168.1.1", "64:ff9b::c0a8:101", "NAT64: private"],
  ["64:ff9b:1::", "64:ff9b:1:ffff:ffff:ffff:ffff:ffff", "local-use NAT64"],
  ["100::", "100::ffff:ffff:ffff:ffff", "discard-only"],
  ["2001::", "2001:0:ffff:ffff:ffff:ffff:ffff:ffff", "Teredo"],
  ["2001:2::", "2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", "IETF protocol assignments"],
  ["2001:db8::", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"],
  ["2002:a9fe:a9fe::", "2002:a9fe:a9fe:ffff:ffff:ffff:ffff:ffff", "6to4: link-local"],
  ["3fff::", "3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", "documentation"],
  ["fc00::", "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "unique local (ULA)"],
  ["fe80::", "febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "link-local"],
  ["fec0::", "feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "site-local (deprecated)"],
  ["ff00::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "multicast"],
  ["::5.6.7.8", "1fff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "reserved (not global unicast)"],
  ["4000::", "5f00::1", "reserved (not global unicast)"],
];

/** Public neighbours of the ranges above, and public forms that embed a public IPv4 address. */
const ALLOWED = [
  "1.1.1.1",
  "9.255.255.255",
  "11.0.0.0",
  "100.63.255.255",
  "100.128.0.0",
  "126.255.255.255",
  "128.0.0.0",
  "169.253.255.255",
  "172.15.255.255",
  "172.32.0.0",
  "192.0.1.255",
  "192.0.3.0",
  "192.167.255.255",
  "192.169.0.0",
  "198.17.255.255",
  "198.20.0.0",
  "223.255.255.255",
  "::ffff:8.8.8.8",
  "64:ff9b::8.8.8.8",
  "2002:808:808::1",
  "2001:200::1",
  "2001:db7:ffff::1",
  "2001:db9::1",
  "2606:4700:4700::1111",
  "2a00:1450:4001:80b::201a",
  "3ffe:ffff::1",
  "3fff:1000::",
];

describe("forbiddenRange", () => {
  it.each(REFUSED)("refuses %s … %s as %s", (first, last, name) => {
    expect(forbiddenRange(first)).toBe(name);
    expect(forbiddenRange(last)).toBe(name);
  });

  it.each(ALLOWED)("allows the public address %s", (ip) => {
    expect(forbiddenRange(ip)).toBeNull();
  });

  it.each(["mx.example.org", "", "1.2.3", "01.2.3.4", "1.2.3.4 ", "fe80::1%eth0", "::ffff:999.0.0.1", "[::1]", "127.0.0.1:25"])(
    "refuses %j, which is not a plain IP address",
    (text) => {
      expect(forbiddenRange(text)).toBe("not an IP address");
    },
  );
});

/**
 * The reference: node's own BlockList, filled from IANA's special-purpose registries by hand,
 * with the embedded IPv4 address of NAT64 and 6to4 forms judged by the IPv4 list (BlockList
 * does that itself for v4-mapped addresses).
 */
const referenceV4 = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
] as const)
  referenceV4.addSubnet(network, prefix, "ipv4");
const referenceV6 = new BlockList();
for (const [network, prefix] of [
  ["64:ff9b:1::", 48],
  ["2001::", 23],
  ["2001:db8::", 32],
  ["3fff::", 20],
] as const)
  referenceV6.addSubnet(network, prefix, "ipv6");

const v4Text = (octets: readonly number[]) => octets.join(".");
const hex16 = (high: number, low: number) => ((high << 8) | low).toString(16);

function referenceAllows(octets16: readonly number[]): boolean {
  const groups = Array.from({ length: 8 }, (_, index) => hex16(octets16[2 * index]!, octets16[2 * index + 1]!));
  const text = groups.join(":");
  const embedded = (at: number) => v4Text(octets16.slice(at, at + 4));
  if (text.startsWith("0:0:0:0:0:ffff:") || text.startsWith("64:ff9b:0:0:0:0:")) return !referenceV4.check(embedded(12), "ipv4");
  if (octets16[0] === 0x20 && octets16[1] === 0x02) return !referenceV4.check(embedded(2), "ipv4");
  return (octets16[0]! & 0xe0) === 0x20 && !referenceV6.check(text, "ipv6");
}

describe("forbiddenRange, over random addresses", () => {
  const octet = fc.integer({ min: 0, max: 255 });

  it("never throws, whatever the text", () => {
    fc.assert(fc.property(fc.string(), (text) => typeof (forbiddenRange(text) ?? "") === "string"));
  });

  it("agrees with the reference on IPv4, and judges v4-mapped, NAT64 and 6to4 forms by their IPv4 address", () => {
    fc.assert(
      fc.property(fc.array(octet, { minLength: 4, maxLength: 4 }), (octets) => {
        const ip = v4Text(octets);
        const allowed = forbiddenRange(ip) === null;
        expect(allowed).toBe(!referenceV4.check(ip, "ipv4"));
        const [a, b, c, d] = octets as [number, number, number, number];
        for (const form of [`::ffff:${ip}`, `::ffff:${hex16(a, b)}:${hex16(c, d)}`, `64:ff9b::${ip}`, `2002:${hex16(a, b)}:${hex16(c, d)}::1`]) {
          expect(forbiddenRange(form) === null).toBe(allowed);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the reference on IPv6", () => {
    // Half the runs start in 2000::/3 (where most of the decisions are), half anywhere.
    const firstOctet = fc.oneof(fc.integer({ min: 0x20, max: 0x3f }), octet);
    const special = fc.constantFrom([0x20, 0x01], [0x20, 0x02], [0x00, 0x64], [0x3f, 0xff], [0xfe, 0x80]);
    const prefix = fc.oneof(special, fc.tuple(firstOctet, octet));
    fc.assert(
      fc.property(prefix, fc.array(octet, { minLength: 14, maxLength: 14 }), (head, rest) => {
        const octets16 = [...head, ...rest];
        const text = Array.from({ length: 8 }, (_, index) => hex16(octets16[2 * index]!, octets16[2 * index + 1]!)).join(":");
        expect(forbiddenRange(text) === null).toBe(referenceAllows(octets16));
      }),
      { numRuns: 3000 },
    );
  });
});
