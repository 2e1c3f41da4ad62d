import { describe, expect, it } from "vitest";
import { isFreeProvider } from "./free";
import { REAL_PROVIDERS } from "./real-providers.fixture";

describe("isFreeProvider", () => {
  it.each(REAL_PROVIDERS)("knows %s", (domain) => {
    expect(isFreeProvider(domain)).toBe(true);
  });

  it.each(["mycompany.com", "acme.co.uk", "mail.google.com", "a.gmail.com", "gmail", ""])("leaves %j", (domain) => {
    expect(isFreeProvider(domain)).toBe(false);
  });

  it.each(["gamil.com", "yaho.com", "hotmial.com"])("leaves the registered typo %s, which typo suggestions correct", (domain) => {
    expect(isFreeProvider(domain)).toBe(false);
  });
});
