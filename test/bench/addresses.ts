import { seededRandom } from "../../shared/gibberish/random";

/**
 * A deterministic, realistic mix of addresses for the offline benchmark: mostly ordinary
 * people at free and company domains, with the cases a sign-up form really meets — role
 * accounts, disposable domains, typos, IDN, SMTPUTF8, random strings and broken syntax.
 */
const FIRST = [
  "james",
  "maria",
  "wei",
  "yuki",
  "olga",
  "ahmed",
  "lucas",
  "sofia",
  "minjun",
  "priya",
  "jan",
  "emma",
  "li",
  "carlos",
  "anna",
  "hiroshi",
  "fatima",
  "noah",
  "zhang",
  "ines",
];
const LAST = [
  "smith",
  "garcia",
  "wang",
  "tanaka",
  "ivanova",
  "khan",
  "silva",
  "rossi",
  "kim",
  "patel",
  "novak",
  "muller",
  "chen",
  "lopez",
  "berg",
  "sato",
  "haddad",
  "brown",
  "liu",
  "costa",
];
const FREE = [
  "gmail.com",
  "yahoo.com",
  "outlook.com",
  "hotmail.com",
  "qq.com",
  "163.com",
  "yahoo.co.jp",
  "naver.com",
  "web.de",
  "mail.ru",
  "gmx.de",
  "icloud.com",
  "orange.fr",
  "uol.com.br",
  "libero.it",
];
const COMPANY = [
  "acme-corp.com",
  "northwind.io",
  "contoso-shop.de",
  "globex.co.uk",
  "initech.net",
  "umbrella-labs.org",
  "stark-industries.com.au",
  "wayne-enterprises.fr",
];
const DISPOSABLE = ["mailinator.com", "guerrillamail.com", "10minutemail.com", "yopmail.com", "trashmail.com", "sharklasers.com"];
const ROLE = ["info", "sales", "support", "admin", "noreply", "contact", "billing", "postmaster", "hr", "office"];
const TYPO = ["gmial.com", "gmai.com", "hotmial.com", "yahooo.com", "outlok.com", "gmail.con", "hotmail.co", "yaho.com.tw", "163.cm", "qq.con"];
const IDN = ["例子.广告", "bücher.de", "почта.рф", "παράδειγμα.ελ", "日本語.jp", "münchen.de"];
const UTF8_LOCAL = ["用户", "josé", "иван", "δοκιμή", "ユーザー", "müller"];
const BROKEN = [
  "plainaddress",
  "@no-local.com",
  "john..doe@example.org",
  "john.doe@",
  "a b@example.com",
  "jane@-bad-.com",
  "x@y",
  "name@domain..com",
  "(comment)me@example.com",
  '"unterminated@example.com',
  "me@[300.1.1.1]",
  "Name <me@example.com>",
];

/**
 * @example
 * const list = generateAddresses(200_000);
 */
export function generateAddresses(count: number, seed = 42): string[] {
  const next = seededRandom(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const person = () => {
    const style = next();
    if (style < 0.4) return `${pick(FIRST)}.${pick(LAST)}`;
    if (style < 0.7) return `${pick(FIRST)}${Math.floor(next() * 100)}`;
    if (style < 0.85) return `${pick(FIRST)[0]}${pick(LAST)}`;
    return `${pick(FIRST)}_${pick(LAST)}${1960 + Math.floor(next() * 50)}`;
  };
  const randomString = () => Array.from({ length: 8 + Math.floor(next() * 8) }, () => "abcdefghijklmnopqrstuvwxyz0123456789"[Math.floor(next() * 36)]).join("");
  const kinds: [number, () => string][] = [
    [0.45, () => `${person()}@${pick(FREE)}`],
    [0.2, () => `${person()}@${pick(COMPANY)}`],
    [0.06, () => `${pick(ROLE)}@${pick(COMPANY)}`],
    [0.05, () => `${person()}@${pick(DISPOSABLE)}`],
    [0.05, () => `${person()}@${pick(TYPO)}`],
    [0.05, () => `${person()}@${pick(IDN)}`],
    [0.03, () => `${pick(UTF8_LOCAL)}@${pick(FREE)}`],
    [0.04, () => `${randomString()}@${pick(FREE)}`],
    [0.07, () => pick(BROKEN)],
  ];
  return Array.from({ length: count }, () => {
    let roll = next();
    for (const [share, make] of kinds) {
      if (roll < share) return make();
      roll -= share;
    }
    return `${person()}@${pick(FREE)}`;
  });
}
