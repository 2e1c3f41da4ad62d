import { describe, expect, it } from "vitest";
import { BUNDLED_DISPOSABLE_BLOCKLIST, DomainList, isDisposable } from "./disposable";
import { REAL_PROVIDERS } from "./real-providers.fixture";

describe("isDisposable with the bundled lists", () => {
  it.each(["mailinator.com", "yopmail.com", "guerrillamail.com", "10minutemail.com", "temp-mail.org"])("flags %s", (domain) => {
    expect(isDisposable(domain)).toBe(true);
  });

  it("flags subdomains of a listed domain", () => {
    expect(isDisposable("a.b.mailinator.com")).toBe(true);
  });

  it.each(["example.com", "mailinator.com.example.org", "notmailinator-at-all.com", "com", "co.uk"])("leaves %s", (domain) => {
    expect(isDisposable(domain)).toBe(false);
  });

  it.each(REAL_PROVIDERS)("never flags the real provider %s", (domain) => {
    expect(isDisposable(domain)).toBe(false);
  });

  it("has no real provider on its blocklist apart from those the popular guard overrides", () => {
    const listed = REAL_PROVIDERS.filter((domain) => BUNDLED_DISPOSABLE_BLOCKLIST.hasDomainOrParent(domain));
    expect(listed.every((domain) => ["21cn.com", "sify.com"].includes(domain))).toBe(true);
  });

  it("holds thousands of domains", () => {
    expect(BUNDLED_DISPOSABLE_BLOCKLIST.size).toBeGreaterThan(5000);
  });
});

describe("isDisposable with given lists", () => {
  const blocklist = DomainList.fromText("throwaway.example\nmail.tempmail.example\ngmail.com");
  const allowlist = DomainList.fromText("good.throwaway.example");

  it("matches a listed domain and its subdomains", () => {
    expect(isDisposable("throwaway.example", blocklist)).toBe(true);
    expect(isDisposable("x.throwaway.example", blocklist)).toBe(true);
    expect(isDisposable("x.mail.tempmail.example", blocklist)).toBe(true);
    expect(isDisposable("tempmail.example", blocklist)).toBe(false);
  });

  it("replaces the bundled blocklist", () => {
    expect(isDisposable("mailinator.com", blocklist)).toBe(false);
  });

  it("honours the allowlist, whose entries also cover their subdomains", () => {
    expect(isDisposable("good.throwaway.example", blocklist, allowlist)).toBe(false);
    expect(isDisposable("a.good.throwaway.example", blocklist, allowlist)).toBe(false);
    expect(isDisposable("bad.throwaway.example", blocklist, allowlist)).toBe(true);
  });

  it("applies an allowlist to the bundled blocklist", () => {
    const allowYopmail = DomainList.fromText("yopmail.com");
    expect(isDisposable("yopmail.com", undefined, allowYopmail)).toBe(false);
    expect(isDisposable("mailinator.com", undefined, allowYopmail)).toBe(true);
  });

  it("never flags a popular provider, even when a list names it", () => {
    expect(isDisposable("gmail.com", blocklist)).toBe(false);
  });

  it("ignores bare public suffixes in a list", () => {
    const careless = DomainList.fromText("co.uk\ncom");
    expect(isDisposable("bbc.co.uk", careless)).toBe(false);
    expect(isDisposable("example.com", careless)).toBe(false);
  });
});
