import { describe, expect, it } from "vitest";
import { normalizeListEntry } from "./list-entry";

describe("normalizeListEntry", () => {
  it.each([
    ["mailinator.com", "mailinator.com"],
    ["  MailInator.COM  ", "mailinator.com"],
    ["mailinator.com.", "mailinator.com"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["BÜCHER.de", "xn--bcher-kva.de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
    ["XN--BCHER-KVA.DE", "xn--bcher-kva.de"],
    ["ｍａｉｌ.com", "mail.com"],
    ["gmaıl.net", "xn--gmal-nza.net"],
    ["яндекс.рф", "xn--d1acpjx3f.xn--p1ai"],
    ["a.b.mailinator.com", "a.b.mailinator.com"],
  ])("%j becomes %j", (entry, domain) => {
    expect(normalizeListEntry(entry)).toBe(domain);
  });

  it.each([
    ["", "empty"],
    ["com", "a single label"],
    ["co.uk", "a bare public suffix"],
    ["com.br", "a bare public suffix"],
    ["user@mailinator.com", "an address"],
    ["mail inator.com", "a space"],
    ["-mailinator.com", "a leading hyphen"],
    ["mailinator-.com", "a trailing hyphen"],
    ["mail_inator.com", "an underscore"],
    ["a..com", "an empty label"],
    [`${"a".repeat(64)}.com`, "a label over 63 characters"],
    [`${"a.".repeat(127)}com`, "a name over 253 characters"],
    ["xn--zz.com", "invalid Punycode"],
  ])("%j is rejected (%s)", (entry) => {
    expect(normalizeListEntry(entry)).toBeNull();
  });
});
