import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dnsblQueryName, ipFamily } from "./dnsbl-query-name";

describe("dnsblQueryName", () => {
  it("reverses IPv4 octets (RFC 5782 §2.1)", () => {
    expect(dnsblQueryName("192.0.2.99", "zen.spamhaus.org")).toBe("99.2.0.192.zen.spamhaus.org");
  });

  it("reverses the 32 nibbles of IPv6 (RFC 5782 §2.4)", () => {
    expect(dnsblQueryName("2001:db8:1:2:3:4:567:89ab", "bl.example")).toBe("b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.bl.example");
  });

  it("refuses what is not an IP address", () => {
    expect(dnsblQueryName("mx.example.org", "zen.spamhaus.org")).toBeNull();
    expect(ipFamily("1.2.3")).toBeNull();
  });

  it("gives 4 labels for every IPv4 address and 32 for every IPv6, then the zone", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (ip) => {
        const name = dnsblQueryName(ip, "bl.example");
        const labels = name?.split(".") ?? [];
        expect(labels.slice(-2)).toEqual(["bl", "example"]);
        expect(labels.length - 2).toBe(ipFamily(ip) === 4 ? 4 : 32);
      }),
    );
  });
});
