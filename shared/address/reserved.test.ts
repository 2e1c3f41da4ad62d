import { describe, expect, it } from "vitest";
import { isReservedDomain, isSpecialUseDomain } from "./reserved";

describe("isSpecialUseDomain", () => {
  it.each([
    "test",
    "mycompany.test",
    "example",
    "valid.invalid",
    "localhost",
    "host.localhost",
    "link.local",
    "abc.onion",
    "anything.arpa",
    "home.arpa",
    "foo.alt",
    "MyCompany.TEST",
  ])("flags %s", (domain) => {
    expect(isSpecialUseDomain(domain)).toBe(true);
  });

  it.each(["example.com", "gmail.com", "test.com", "invalid.com", "example.iana.org", "local.de", "testing", "[127.0.0.1]"])("passes %s", (domain) => {
    expect(isSpecialUseDomain(domain)).toBe(false);
  });
});

describe("isReservedDomain", () => {
  it.each(["example.com", "example.net", "example.org", "mail.example.com", "a.b.example.org", "Example.COM", "printer.local", "x.test"])(
    "flags %s",
    (domain) => {
      expect(isReservedDomain(domain)).toBe(true);
    },
  );

  it.each(["example.co.uk", "myexample.com", "example.com.au", "example.iana.org", "com", "gmail.com", "[192.0.2.1]"])("passes %s", (domain) => {
    expect(isReservedDomain(domain)).toBe(false);
  });
});
