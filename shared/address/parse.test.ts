import { describe, expect, it } from "vitest";
import { parseAddress } from "./parse";
import { SYNTAX_PROBLEM_MESSAGES } from "./problems";

function parsed(input: string) {
  const result = parseAddress(input);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse, got ${result.problem}`);
  return result.address;
}

function problemOf(input: string) {
  const result = parseAddress(input);
  return result.ok ? "ok" : result.problem;
}

describe("parseAddress normalization", () => {
  it("keeps the local part's case and lower-cases the domain", () => {
    expect(parsed("Alice@Example.COM")).toEqual({
      local: "Alice",
      domain: "example.com",
      domainUnicode: "example.com",
      isLiteral: false,
      normalized: "Alice@example.com",
      smtputf8: false,
    });
  });

  it("converts an IDN domain and flags a non-ASCII local part", () => {
    expect(parsed("用户@例子.广告")).toEqual({
      local: "用户",
      domain: "xn--fsqu00a.xn--4rr70v",
      domainUnicode: "例子.广告",
      isLiteral: false,
      normalized: "用户@xn--fsqu00a.xn--4rr70v",
      smtputf8: true,
    });
  });

  it("needs no SMTPUTF8 for a non-ASCII domain alone", () => {
    expect(parsed("x@Bücher.DE")).toMatchObject({ domain: "xn--bcher-kva.de", domainUnicode: "bücher.de", smtputf8: false });
  });

  it("keeps a quoted local part as given", () => {
    expect(parsed('"Fred Bloggs"@iana.org')).toMatchObject({ local: '"Fred Bloggs"', normalized: '"Fred Bloggs"@iana.org' });
    expect(parsed('"first@last"@iana.org').local).toBe('"first@last"');
  });

  it("keeps the local part as given but normalizes it to NFC", () => {
    expect(parsed("\uF96E士豪@臺網中心.tw")).toMatchObject({ local: "\uF96E士豪", normalized: "\u8449士豪@xn--fiqq24b10vi0d.tw" });
  });

  it("marks and normalizes an address literal", () => {
    expect(parsed("me@[IPv6:0000:0000:0000:0000:0000:0000:0000:0001]")).toMatchObject({
      isLiteral: true,
      domain: "[IPv6:0000:0000:0000:0000:0000:0000:0000:0001]",
    });
    expect(parsed("me@[ipv6:::ABCD]")).toMatchObject({ domain: "[IPv6:::abcd]", domainUnicode: "[IPv6:::abcd]", normalized: "me@[IPv6:::abcd]" });
    expect(parsed("me@[127.0.0.1]")).toMatchObject({ isLiteral: true, domain: "[127.0.0.1]" });
  });

  it("decodes A-labels given as such for display", () => {
    expect(parsed("test@XN--hxajbheg2az3al.xn--jxalpdlp")).toMatchObject({ domain: "xn--hxajbheg2az3al.xn--jxalpdlp", domainUnicode: "παράδειγμα.δοκιμή" });
  });
});

describe("parseAddress refusals", () => {
  it.each([
    ["", "empty"],
    ["a".repeat(2000), "too_long"],
    [" me@example.org", "surrounding_whitespace"],
    ["me@example.org\n", "surrounding_whitespace"],
    ["Name <me@example.org>", "display_name"],
    ["<me@example.org>", "display_name"],
    ["plainaddress", "missing_at"],
    ["@example.org", "empty_local"],
    ["john..doe@example.org", "local_dots"],
    ["(comment)me@example.org", "local_character"],
    ['"unterminated@example.org', "quoted_string"],
    ["\u200Bme@example.org", "unsafe_unicode"],
    ["me@", "empty_domain"],
    ["me@x_y.com", "domain_character"],
    ["me@example..org", "empty_label"],
    ["me@-example.org", "label_hyphen"],
    ["me@yy--0.tld", "reserved_label"],
    ["me@example", "dotless_domain"],
    ["me@192.168.0.1", "numeric_tld"],
    ["me@iana.co-uk", "tld_syntax"],
    ["me@xn--example.com", "idn_invalid"],
    ["me@ｇｍａｉｌ.com", "idn_mapping"],
    ["me@[300.1.1.1]", "address_literal"],
  ])("refuses %j as %s", (input, problem) => {
    expect(problemOf(input)).toBe(problem);
  });

  it("explains each refusal in plain words", () => {
    const result = parseAddress("me@example");
    expect(result).toEqual({ ok: false, problem: "dotless_domain", message: SYNTAX_PROBLEM_MESSAGES.dotless_domain });
  });

  it("splits at the last @, since only a quoted local part may hold one", () => {
    expect(parsed('"a@b"@example.org').local).toBe('"a@b"');
    expect(problemOf("a@b@example.org")).toBe("local_character");
  });

  it("counts the 254-octet limit after IDNA encoding and in UTF-8", () => {
    const domain = `${"a".repeat(63)}.${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(57)}`;
    expect(parsed(`xxxx@${domain}`).normalized).toHaveLength(254);
    expect(problemOf(`xxxxx@${domain}`)).toBe("too_long");
    // Three characters but five octets.
    expect(problemOf(`xx用@${domain}`)).toBe("too_long");
    // 248 characters as given, but the last label grows to 61 octets as an A-label.
    expect(problemOf(`xx@${domain.slice(0, -57)}λ${"d".repeat(52)}`)).toBe("too_long");
  });
});
