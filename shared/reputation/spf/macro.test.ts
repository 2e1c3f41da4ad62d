import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expandMacros } from "./macro";

const context = { ip: "192.0.2.3", sender: "strong-bad@email.example.com", domain: "email.example.com", helo: "mx.example.org" };

/** RFC 7208 §7.4's examples. */
describe("expandMacros", () => {
  it.each([
    ["%{s}", "strong-bad@email.example.com"],
    ["%{o}", "email.example.com"],
    ["%{d4}", "email.example.com"],
    ["%{d2}", "example.com"],
    ["%{d1}", "com"],
    ["%{dr}", "com.example.email"],
    ["%{d2r}", "example.email"],
    ["%{l}", "strong-bad"],
    ["%{l-}", "strong.bad"],
    ["%{lr-}", "bad.strong"],
    ["%{l1r-}", "strong"],
    ["%{ir}.%{v}._spf.%{d2}", "3.2.0.192.in-addr._spf.example.com"],
    ["%{lr-}.lp._spf.%{d2}", "bad.strong.lp._spf.example.com"],
    ["%%%_%-", "% %20"],
  ])("%s is %s", (spec, expanded) => {
    expect(expandMacros(spec, context)).toBe(expanded);
  });

  it("writes an IPv6 address as dotted nibbles for %{i}", () => {
    expect(expandMacros("%{ir}.%{v}", { ...context, ip: "2001:db8::cb01" })).toBe("1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6");
  });

  it("refuses a lone %, an unknown letter, an unclosed brace and a zero count", () => {
    for (const spec of ["50%", "%{x}", "%{d", "%{d0}"]) expect(expandMacros(spec, context)).toBeNull();
  });

  it("leaves text without % alone and never throws", () => {
    fc.assert(fc.property(fc.string(), (text) => void expandMacros(text, context)));
    fc.assert(
      fc.property(fc.domain(), (domain) => {
        expect(expandMacros(domain, context)).toBe(domain);
      }),
    );
  });
});
