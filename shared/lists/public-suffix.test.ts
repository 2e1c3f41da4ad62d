import { describe, expect, it } from "vitest";
import { isBarePublicSuffix, publicSuffixLabelCount } from "./public-suffix";

describe("publicSuffixLabelCount", () => {
  it.each([
    ["yahoo.co.jp", 2],
    ["uol.com.br", 2],
    ["docomo.ne.jp", 2],
    ["prodigy.net.mx", 2],
    ["i.softbank.jp", 1],
    ["vip.163.com", 1],
    ["gmail.com", 1],
    ["web.de", 1],
    ["co.uk", 1],
  ])("%s has a suffix of %i labels", (domain, count) => {
    expect(publicSuffixLabelCount(domain.split("."))).toBe(count);
  });
});

describe("isBarePublicSuffix", () => {
  it.each(["com", "de", "co.uk", "com.br", "ne.jp", "edu.pl", "net.ua"])("%s is a bare suffix", (domain) => {
    expect(isBarePublicSuffix(domain)).toBe(true);
  });

  it.each(["web.de", "gmx.net", "wp.pl", "o2.pl", "mail.co.uk", "me.com"])("%s is registrable", (domain) => {
    expect(isBarePublicSuffix(domain)).toBe(false);
  });
});
