import { describe, expect, it } from "vitest";
import { parseDomain } from "./domain";

describe("parseDomain", () => {
  it("lower-cases an ASCII name", () => {
    expect(parseDomain("GoogleMail.COM")).toEqual({ ascii: "googlemail.com", unicode: "googlemail.com", isLiteral: false });
  });

  it("converts an IDN name, upper case included, to A-labels", () => {
    expect(parseDomain("Bücher.DE")).toEqual({ ascii: "xn--bcher-kva.de", unicode: "bücher.de", isLiteral: false });
    expect(parseDomain("XN--BCHER-KVA.DE")).toEqual({ ascii: "xn--bcher-kva.de", unicode: "bücher.de", isLiteral: false });
  });

  it("keeps an address literal, normalized", () => {
    expect(parseDomain("[IPv6:::ABCD]")).toEqual({ ascii: "[IPv6:::abcd]", unicode: "[IPv6:::abcd]", isLiteral: true });
    expect(parseDomain("[192.0.2.1]")).toEqual({ ascii: "[192.0.2.1]", unicode: "[192.0.2.1]", isLiteral: true });
  });

  it.each([
    ["[tag:text]", "address_literal"],
    ["[1.2.3.4].com", "address_literal"],
    ["example", "dotless_domain"],
    ["ｇｍａｉｌ.com", "idn_mapping"],
    ["xn--example.com", "idn_invalid"],
    ["例子.1", "numeric_tld"],
  ])("refuses %j as %s", (domain, problem) => {
    expect(parseDomain(domain)).toBe(problem);
  });

  it("checks label and domain lengths on the A-label form", () => {
    // 58 + "中" fits in Unicode but its A-label is longer than 63 octets.
    expect(parseDomain(`中${"1".repeat(58)}.com`)).toBe("label_too_long");
    const long = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}`;
    // λ + 53 letters is a 62-octet A-label: 254 octets in all, though 246 characters as given.
    expect(parseDomain(`${long}.λ${"d".repeat(52)}`)).toMatchObject({ isLiteral: false });
    expect(parseDomain(`${long}.λ${"d".repeat(53)}`)).toBe("domain_too_long");
  });
});
