import { describe, expect, it } from "vitest";
import { ipv6Text } from "./ip-text";

const octets = (...groups: number[]) => new Uint8Array(groups.flatMap((group) => [group >> 8, group & 0xff]));

describe("ipv6Text", () => {
  it.each([
    [octets(0x2001, 0xdb8, 0, 0, 0, 0, 0, 1), "2001:db8::1"],
    [octets(0, 0, 0, 0, 0, 0, 0, 1), "::1"],
    [octets(0, 0, 0, 0, 0, 0, 0, 0), "::"],
    [octets(0xfe80, 0, 0, 0, 0, 0, 0, 0), "fe80::"],
    // RFC 5952 §4.2.2: a single zero group is not shortened.
    [octets(0x2001, 0xdb8, 0, 1, 1, 1, 1, 1), "2001:db8:0:1:1:1:1:1"],
    // §4.2.3: the longest run is shortened, and the first of equal runs.
    [octets(0x2001, 0, 0, 1, 0, 0, 0, 1), "2001:0:0:1::1"],
    [octets(0x2001, 0xdb8, 0, 0, 1, 0, 0, 1), "2001:db8::1:0:0:1"],
    [octets(0xabcd, 0x0ef0, 0, 0, 0, 0, 0, 0x00ff), "abcd:ef0::ff"],
  ])("writes %o as %s", (address, text) => {
    expect(ipv6Text(address)).toBe(text);
  });
});
