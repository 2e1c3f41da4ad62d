import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSpfRecord } from "./parse-spf";

describe("parseSpfRecord", () => {
  it("reads mechanisms with qualifiers, domains and dual prefix lengths, and the redirect", () => {
    const parsed = parseSpfRecord(
      "v=spf1 ip4:192.0.2.0/24 -ip6:2001:db8::/32 ~a:mail.example.org/28//64 mx include:_spf.example.net ?all exp=x.example redirect=r.example",
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.record.mechanisms.map(({ qualifier, name, value, cidr4, cidr6 }) => [qualifier, name, value, cidr4, cidr6])).toEqual([
      ["+", "ip4", "192.0.2.0", 24, null],
      ["-", "ip6", "2001:db8::", null, 32],
      ["~", "a", "mail.example.org", 28, 64],
      ["+", "mx", null, null, null],
      ["+", "include", "_spf.example.net", null, null],
      ["?", "all", null, null, null],
    ]);
    expect(parsed.record.redirect).toBe("r.example");
    expect(parsed.record.otherModifiers).toEqual(["exp=x.example"]);
  });

  it.each([
    ["v=spf2.0/pra -all", /must start/],
    ["v=spf1 ip4:192.0.2.300 -all", /not an IPv4 address/],
    ["v=spf1 ip4:192.0.2.0/33", /prefix length over 32/],
    ["v=spf1 ip6:192.0.2.1", /not an IPv6 address/],
    ["v=spf1 include", /needs a domain/],
    ["v=spf1 include:a.example/24", /takes no prefix length/],
    ["v=spf1 foo:bar -all", /not an SPF mechanism/],
    ["v=spf1 a:/24", /names no domain/],
    ["v=spf1 -all:x", /all takes no argument/],
    ["v=spf1 redirect=a.example redirect=b.example", /more than one redirect/],
  ])("refuses %s", (text, problem) => {
    const parsed = parseSpfRecord(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it("never throws, and reads every record it builds from valid terms", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof parseSpfRecord(`v=spf1 ${text}`).ok).toBe("boolean");
      }),
    );
    const term = fc.oneof(
      fc.tuple(fc.constantFrom("", "+", "-", "~", "?"), fc.ipV4(), fc.integer({ min: 0, max: 32 })).map(([q, ip, n]) => `${q}ip4:${ip}/${n}`),
      fc.tuple(fc.constantFrom("", "-"), fc.ipV6()).map(([q, ip]) => `${q}ip6:${ip}`),
      fc.domain().map((domain) => `include:${domain}`),
      fc.constantFrom("a", "mx", "a/24", "mx//64", "-all", "~all"),
    );
    fc.assert(
      fc.property(fc.array(term, { maxLength: 8 }), (terms) => {
        const parsed = parseSpfRecord(["v=spf1", ...terms].join(" "));
        expect(parsed.ok && parsed.record.mechanisms.length).toBe(terms.length);
      }),
    );
  });
});
