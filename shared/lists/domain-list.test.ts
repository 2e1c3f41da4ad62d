import { describe, expect, it } from "vitest";
import { DomainList } from "./domain-list";

describe("DomainList", () => {
  const list = DomainList.fromText("mailinator.com\nguerrillamail.co.uk\n");

  it("matches a domain exactly with has", () => {
    expect(list.has("mailinator.com")).toBe(true);
    expect(list.has("a.mailinator.com")).toBe(false);
  });

  it.each(["mailinator.com", "a.mailinator.com", "a.b.mailinator.com", "x.guerrillamail.co.uk"])("matches %s by itself or a parent", (domain) => {
    expect(list.hasDomainOrParent(domain)).toBe(true);
  });

  it.each(["notmailinator.com", "mailinator.com.evil.net", "com", "co.uk", "example.co.uk", ""])("does not match %j", (domain) => {
    expect(list.hasDomainOrParent(domain)).toBe(false);
  });

  it("never lets a bare public suffix in, so it cannot cover every domain beneath it", () => {
    const careless = DomainList.fromText("co.uk\ncom\nmailinator.com");
    expect(careless.size).toBe(1);
    expect(careless.hasDomainOrParent("bbc.co.uk")).toBe(false);
  });

  it("builds from single domains, normalizing each", () => {
    const built = DomainList.fromDomains(["Gmail.com", "bücher.de", "not a domain"]);
    expect(built.size).toBe(2);
    expect(built.has("xn--bcher-kva.de")).toBe(true);
  });

  it("splits already normalized text without parsing it", () => {
    expect(DomainList.fromNormalizedText("a.com\nb.com").size).toBe(2);
    expect(DomainList.fromNormalizedText("").size).toBe(0);
  });
});
