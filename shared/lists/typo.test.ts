import { describe, expect, it } from "vitest";
import { POPULAR_MAIL_DOMAINS } from "./popular-domains";
import { REAL_PROVIDERS } from "./real-providers.fixture";
import { suggestDomain } from "./typo";

describe("suggestDomain suggests", () => {
  it.each([
    ["gmial.com", "gmail.com"],
    ["gamil.com", "gmail.com"],
    ["gmai.com", "gmail.com"],
    ["gnail.com", "gmail.com"],
    ["gmail.con", "gmail.com"],
    ["gmail.co", "gmail.com"],
    ["gmail.cmo", "gmail.com"],
    ["gmail.comm", "gmail.com"],
    ["gmail.ocm", "gmail.com"],
    ["hotmial.co", "hotmail.com"],
    ["hotmial.com", "hotmail.com"],
    ["hotmai.com", "hotmail.com"],
    ["hotmail.cm", "hotmail.com"],
    ["hotmial.fr", "hotmail.fr"],
    ["outlok.com", "outlook.com"],
    ["outlook.co", "outlook.com"],
    ["yaho.com", "yahoo.com"],
    ["yhaoo.com", "yahoo.com"],
    ["yaho.com.tw", "yahoo.com.tw"],
    ["yahooo.co.jp", "yahoo.co.jp"],
    ["iclod.com", "icloud.com"],
    ["icloud.co", "icloud.com"],
    ["qq.co", "qq.com"],
    ["163.cm", "163.com"],
    ["126.con", "126.com"],
    ["foxmial.com", "foxmail.com"],
    ["sina.con", "sina.com"],
    ["i.sofbank.jp", "i.softbank.jp"],
    ["navr.com", "naver.com"],
    ["hanmial.net", "hanmail.net"],
    ["daum.nte", "daum.net"],
    ["mial.ru", "mail.ru"],
    ["yandx.ru", "yandex.ru"],
    ["tonline.de", "t-online.de"],
    ["wanado.fr", "wanadoo.fr"],
    ["laposte.ne", "laposte.net"],
    ["libreo.it", "libero.it"],
    ["sezanm.cz", "seznam.cz"],
    ["btinternett.com", "btinternet.com"],
    ["uol.con.br", "uol.com.br"],
    ["terra.com.bt", null],
    ["hotmial.com.br", "hotmail.com.br"],
    ["acme.con", "acme.com"],
    ["acme.nte", "acme.net"],
    ["acme.ogr", "acme.org"],
  ])("%s → %s", (domain, suggestion) => {
    expect(suggestDomain(domain)).toBe(suggestion);
  });
});

/** Real domains, popular or not, that sit near a popular one and must be left alone. */
const REAL_NEIGHBOURS = [
  "mailo.com",
  "pacific.co",
  "gmx.com",
  "gmx.de",
  "mail.com",
  "ymail.com",
  "me.com",
  "mac.com",
  "live.com",
  "aol.com",
  "aim.com",
  "verizon.net",
  "hotmail.co.uk",
  "email.com",
  "q.com",
  "163.net",
  "126.net",
  "qq.net",
  "yandex.net",
  "naver.net",
  "online.de",
  "y7mail.com",
  "aver.com",
  "mali.com",
  "sian.com",
  "web.com",
  "wp.com",
  "o2.co.uk",
  "orange.com",
  "free.com",
  "sky.de",
  "live.co.za",
  "outlook.co.th",
  "yahoo.co.kr",
  "hotmail.co.jp",
  "sina.com.cn",
  "earthling.net",
  "joymail.com",
  "xmail.com",
  "bitmail.com",
  "nave.es",
  "acme.co",
  "acme.cm",
  "mycompany.com",
  "example.org",
  "google.com",
  "gmail.co.uk",
  "post.cz",
  "wp.eu",
];

describe("suggestDomain leaves real domains alone", () => {
  it.each([...new Set([...POPULAR_MAIL_DOMAINS, ...REAL_PROVIDERS, ...REAL_NEIGHBOURS])])("%s", (domain) => {
    expect(suggestDomain(domain)).toBeNull();
  });
});

describe("suggestDomain stays silent", () => {
  it.each([
    ["qqq.com", "a three-letter name must match exactly"],
    ["gmxx.de", "a three-letter name must match exactly"],
    ["nail.com", "a four-letter name allows no substitution"],
    ["maill.com", "mail.com and mailo.com are equally near"],
    ["never.com", "a substitution between distant keys is no slip"],
    ["hmail.com", "the first letter is kept"],
    ["acme.co", ".co is a real top-level domain"],
    ["gmail", "a single label"],
    ["", "nothing"],
    ["[192.0.2.1]", "an address literal"],
  ])("on %j: %s", (domain) => {
    expect(suggestDomain(domain)).toBeNull();
  });
});
