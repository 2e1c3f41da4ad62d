import { describe, expect, it } from "vitest";
import { checkLocalPart } from "./local-part";

describe("checkLocalPart", () => {
  it.each([
    "a",
    "alice.smith",
    "!#$%&'*+-/=?^_`{|}~",
    "user+mailbox/department=shipping",
    "xn--test",
    "1234567890123456789012345678901234567890123456789012345678901234",
  ])("accepts the dot-atom %j", (local) => {
    expect(checkLocalPart(local)).toEqual({ nfc: local, octets: local.length, smtputf8: false });
  });

  it.each(['""', '"a b"', '"first@last"', '"first..last"', '"\\a"', '"\\""', '"\\\\"', '"Doug \\"Ace\\" L."', '"  foo  bar  "', '"(comment)"'])(
    "accepts the quoted string %j",
    (local) => {
      expect(checkLocalPart(local)).toEqual({ nfc: local, octets: local.length, smtputf8: false });
    },
  );

  it.each([
    ["用户", 6],
    ["ñoñó", 7],
    ["hans.m端ller", 13],
    ["＠", 3],
    ['"quoted.with..unicode.λ"', 25],
  ])("accepts the SMTPUTF8 local part %j (%i octets)", (local, octets) => {
    expect(checkLocalPart(local)).toEqual({ nfc: local, octets, smtputf8: true });
  });

  it.each([
    ["", "empty_local"],
    [".a", "local_dots"],
    ["a.", "local_dots"],
    ["a..b", "local_dots"],
    ["a b", "local_character"],
    ["a(comment)", "local_character"],
    ["a\tb", "local_character"],
    ["a\u007Fb", "local_character"],
    ['foo"bar"', "local_character"],
    ['"a".b', "quoted_string"],
    ['"test"test', "quoted_string"],
    ['"', "quoted_string"],
    ['"unterminated', "quoted_string"],
    ['"a"b"', "quoted_string"],
    ['"\\"', "quoted_string"],
    ['"\u007F"', "quoted_string"],
    ['"\\\u007F"', "quoted_string"],
    ['"a\r\n b"', "quoted_string"],
    ['"\u0007"', "quoted_string"],
    ['"test\\©"', "quoted_string"],
    ["a".repeat(65), "local_too_long"],
  ])("refuses %j as %s", (local, problem) => {
    expect(checkLocalPart(local)).toBe(problem);
  });

  it("counts the 64-octet limit in UTF-8, not in characters", () => {
    expect(checkLocalPart("ñ".repeat(32))).toMatchObject({ octets: 64 });
    expect(checkLocalPart("ñ".repeat(33))).toBe("local_too_long");
    expect(checkLocalPart("用".repeat(22))).toBe("local_too_long");
  });

  it.each([
    ["a Unicode space", "a\u2005b"],
    ["a zero-width space", "\u200B"],
    ["a bidi override", "\u202Dab"],
    ["a private-use character", "\uE000"],
    ["a lone surrogate", "a\uD800"],
    ["a leading combining mark", "\u0300a"],
    ["a leading combining mark inside quotes", '"\u0300a"'],
    ["an ideographic space inside quotes", '"a\u3000b"'],
  ])("refuses %s as unsafe_unicode", (_, local) => {
    expect(checkLocalPart(local)).toBe("unsafe_unicode");
  });

  it("accepts text not in NFC when its NFC form is valid, and gives that form", () => {
    expect(checkLocalPart("\uF96E士豪")).toEqual({ nfc: "\u8449士豪", octets: 9, smtputf8: true });
    expect(checkLocalPart("s\u0323\u0307")).toEqual({ nfc: "\u1E69", octets: 5, smtputf8: true });
    // KELVIN SIGN's NFC form is the ASCII letter, which needs no SMTPUTF8.
    expect(checkLocalPart("\u212Aate")).toEqual({ nfc: "Kate", octets: 6, smtputf8: false });
  });

  it("refuses text whose NFC form is invalid or too long", () => {
    expect(checkLocalPart("me.\u037E")).toBe("local_character");
    // U+FB2C grows from 3 to 6 octets in NFC.
    expect(checkLocalPart(`${"a".repeat(59)}\uFB2C`)).toBe("local_too_long");
  });
});
