import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reversedLabels, reverseName } from "./reverse-name";

describe("reverseName", () => {
  it("reverses an IPv4 address's octets under in-addr.arpa", () => {
    expect(reverseName("192.0.2.7")).toBe("7.2.0.192.in-addr.arpa");
    expect(reverseName("127.0.0.1")).toBe("1.0.0.127.in-addr.arpa");
  });

  it("reverses an IPv6 address's 32 nibbles under ip6.arpa (RFC 3596 §2.5)", () => {
    expect(reverseName("2001:db8::567:89ab")).toBe("b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
    expect(reverseName("::1")).toBe(`1.${"0.".repeat(31)}ip6.arpa`);
  });

  it("is null for anything that is not an address", () => {
    expect(reverseName("mx.example.net")).toBeNull();
    expect(reversedLabels("")).toBeNull();
  });

  it("gives 4 labels for any IPv4 and 32 for any IPv6 address", () => {
    fc.assert(fc.property(fc.ipV4(), (ip) => reversedLabels(ip)!.split(".").reverse().join(".") === ip));
    fc.assert(fc.property(fc.ipV6(), (ip) => reversedLabels(ip)!.split(".").length === 32));
  });
});
