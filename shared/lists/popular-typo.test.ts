import { describe, expect, it } from "vitest";
import { closestPopularDomain } from "./popular-typo";
import { POPULAR_MAIL_DOMAINS } from "./popular-domains";

describe("closestPopularDomain", () => {
  it.each([
    ["hotmial.co", "hotmail.com"],
    ["yaho.com.tw", "yahoo.com.tw"],
    ["uol.con.br", "uol.com.br"],
    ["uol.co.br", "uol.com.br"],
    ["i.sofbank.jp", "i.softbank.jp"],
    ["qq.co", "qq.com"],
    ["gmx.ne", "gmx.net"],
  ])("%s is a typo of %s", (domain, popular) => {
    expect(closestPopularDomain(domain)).toBe(popular);
  });

  it.each(POPULAR_MAIL_DOMAINS)("leaves the popular %s", (domain) => {
    expect(closestPopularDomain(domain)).toBeNull();
  });

  it("gives nothing when two popular domains are equally near", () => {
    // A doubled l for mail.com, or o hit as its neighbour l for mailo.com.
    expect(closestPopularDomain("maill.com")).toBeNull();
  });

  it.each(["gmail", "", ".", "a..com", "[127.0.0.1]"])("copes with the odd input %j", (domain) => {
    expect(closestPopularDomain(domain)).toBeNull();
  });
});
