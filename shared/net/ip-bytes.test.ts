import { isIP } from "node:net";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inPrefix, ipBytes } from "./ip-bytes";

describe("ipBytes", () => {
  it.each([
    ["192.0.2.7", [192, 0, 2, 7]],
    ["::1", [...new Array(15).fill(0), 1]],
    ["::", new Array(16).fill(0)],
    ["2001:db8::ff00:42:8329", [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0xff, 0, 0, 0x42, 0x83, 0x29]],
    ["::ffff:10.0.0.1", [...new Array(10).fill(0), 0xff, 0xff, 10, 0, 0, 1]],
    ["1:2:3:4:5:6:7::", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]],
    ["FE80::ABCD", [0xfe, 0x80, ...new Array(12).fill(0), 0xab, 0xcd]],
  ])("reads %s", (text, octets) => {
    expect([...ipBytes(text)!]).toEqual(octets);
  });

  it.each(["", "mx.example", "256.0.0.1", "1.2.3", "fe80::1%eth0", "::1::2", " ::1"])("gives null for %j", (text) => {
    expect(ipBytes(text)).toBeNull();
  });

  it("accepts exactly the text node's isIP accepts (no zone), over random text", () => {
    const ipLike = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."0123456789abcdefABCDEF:.%"), maxLength: 45 }),
      fc.ipV4().map((ip) => `::ffff:${ip}`),
      fc.ipV6(),
      fc.ipV4(),
      fc.ipV4Extended(),
    );
    fc.assert(
      fc.property(ipLike, (text) => {
        expect(ipBytes(text) !== null).toBe(isIP(text) !== 0 && !text.includes("%"));
      }),
      { numRuns: 5000 },
    );
  });

  it("reads back what node itself writes, for any IPv6 address", () => {
    fc.assert(
      fc.property(fc.ipV6(), (text) => {
        const octets = ipBytes(text);
        expect(octets).toHaveLength(16);
        // Node's URL parser writes the canonical form; both must give the same octets.
        const canonical = new URL(`http://[${text}]/`).hostname.slice(1, -1);
        expect([...ipBytes(canonical)!]).toEqual([...octets!]);
      }),
    );
  });
});

describe("inPrefix", () => {
  it("compares whole and partial octets", () => {
    expect(inPrefix(ipBytes("100.64.0.1")!, ipBytes("100.64.0.0")!, 10)).toBe(true);
    expect(inPrefix(ipBytes("100.128.0.1")!, ipBytes("100.64.0.0")!, 10)).toBe(false);
    expect(inPrefix(ipBytes("1.2.3.4")!, ipBytes("0.0.0.0")!, 0)).toBe(true);
  });

  it("never matches across families", () => {
    expect(inPrefix(ipBytes("::")!, ipBytes("0.0.0.0")!, 0)).toBe(false);
  });
});
