import { describe, expect, it } from "vitest";
import { scanDomainName } from "./domain-name";

const label = (length: number) => "a".repeat(length);

describe("scanDomainName", () => {
  it.each(["example.com", "nominet.org.uk", "c--n.com", "mason-dixon.com", "123.com", "3com.com", "a.b.c.foo.com", `${label(63)}.com`])(
    "settles the ASCII name %s alone",
    (name) => {
      expect(scanDomainName(name)).toBe("ascii");
    },
  );

  it.each(["bücher.de", "例子.广告", "xn--bcher-kva.de", "example.xn--jxalpdlp", `${label(70)}ü.com`])("leaves %s to IDNA", (name) => {
    expect(scanDomainName(name)).toBe("needs_idna");
  });

  it.each([
    ["", "empty_domain"],
    [".example.com", "empty_label"],
    ["example..com", "empty_label"],
    ["example.com.", "empty_label"],
    ["-example.com", "label_hyphen"],
    ["example-.com", "label_hyphen"],
    ["a.-.com", "label_hyphen"],
    ["yy--0.tld", "reserved_label"],
    ["ab--cd.com", "reserved_label"],
    [`${label(64)}.com`, "label_too_long"],
    [`${Array.from({ length: 4 }, () => label(62)).join(".")}.com`, "domain_too_long"],
    ["_bar.com", "domain_character"],
    ["my_store.typepad.com", "domain_character"],
    ["exa mple.com", "domain_character"],
    ["example.com>", "domain_character"],
    ["Example.com", "domain_character"],
    ["localhost", "dotless_domain"],
    ["bad-tld-1", "dotless_domain"],
    ["iana.123", "numeric_tld"],
    ["255.255.255.255", "numeric_tld"],
    ["iana.a", "tld_syntax"],
    ["iana.co-uk", "tld_syntax"],
    ["123.123.123.x123", "tld_syntax"],
    ["bad.tld-2", "tld_syntax"],
  ])("refuses %j as %s", (name, problem) => {
    expect(scanDomainName(name)).toBe(problem);
  });

  it("allows a 253-octet name but not 254", () => {
    const name253 = [label(63), label(63), label(63), label(61)].join(".");
    expect(name253).toHaveLength(253);
    expect(scanDomainName(name253)).toBe("ascii");
    expect(scanDomainName(`${name253}a`)).toBe("domain_too_long");
  });

  it("leaves the lengths of non-ASCII labels to the converted form, but for a bound", () => {
    expect(scanDomainName(`${"中".repeat(60)}.com`)).toBe("needs_idna");
    // 119 UTF-16 units are at least 60 code points: an A-label of at least 64 octets.
    expect(scanDomainName(`${"中".repeat(119)}.com`)).toBe("label_too_long");
    expect(scanDomainName(`${"\u{10348}".repeat(59)}a.com`)).toBe("label_too_long");
    expect(scanDomainName(`${"\u{10348}".repeat(59)}.com`)).toBe("needs_idna");
  });
});
