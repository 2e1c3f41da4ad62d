import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeListEntry } from "./list-entry";
import { formatDomainListText, parseDomainListText } from "./list-text";

describe("parseDomainListText", () => {
  it("reads one domain per line, skipping comments, blanks and invalid lines", () => {
    const text = [
      "# Disposable domains, maintained by ops",
      "",
      "Mailinator.com",
      "  yopmail.com   # trailing comment",
      "\t",
      "not a domain",
      "bücher.de",
      "mailinator.com",
      "co.uk",
    ].join("\r\n");
    expect(parseDomainListText(text)).toEqual(["mailinator.com", "yopmail.com", "xn--bcher-kva.de"]);
  });

  it("accepts every line ending", () => {
    expect(parseDomainListText("a.com\nb.com\r\nc.com\rd.com")).toEqual(["a.com", "b.com", "c.com", "d.com"]);
  });

  it("reads an empty text as an empty list", () => {
    expect(parseDomainListText("")).toEqual([]);
  });

  it("never throws, and yields only normalized domains, on arbitrary text", () => {
    const anyText = fc.string({ unit: "binary", maxLength: 300 });
    const lineLikeText = fc.array(fc.oneof(fc.domain(), fc.string({ unit: "binary", maxLength: 20 }), fc.constant("# x"))).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(fc.oneof(anyText, lineLikeText), (text) => {
        for (const domain of parseDomainListText(text)) expect(normalizeListEntry(domain)).toBe(domain);
      }),
    );
  });

  it("round-trips: formatting what was parsed and parsing again changes nothing", () => {
    const text = fc.array(fc.oneof(fc.domain(), fc.mixedCase(fc.domain()), fc.string({ unit: "binary", maxLength: 30 }))).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(text, (original) => {
        const domains = parseDomainListText(original);
        expect(parseDomainListText(formatDomainListText(domains))).toEqual(domains);
      }),
    );
  });

  it("keeps every valid domain, whatever comments and blank lines surround it", () => {
    const domains = fc.uniqueArray(fc.domain().filter((domain) => normalizeListEntry(domain) === domain));
    fc.assert(
      fc.property(domains, (list) => {
        const text = list.map((domain) => `\n# about ${domain}\n  ${domain.toUpperCase()}  # note`).join("");
        expect(parseDomainListText(text)).toEqual(list);
      }),
    );
  });
});
