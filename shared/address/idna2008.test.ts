import { describe, expect, it } from "vitest";
import { isIdna2008Label } from "./idna2008";

describe("isIdna2008Label", () => {
  it.each(["bücher", "例子", "παράδειγμα", "ß", "ας", "l·l", "ͱ͵ͱ", "א׳", "カ・カ", "١٢٣", "۱۲۳", "नमस्ते", "a\u094D\u200Db"])("accepts %j", (label) => {
    expect(isIdna2008Label(label)).toBe(true);
  });

  it.each([
    ["a symbol", "☃"],
    ["an emoji", "\u{1F600}"],
    ["a vertical kana repeat mark (DISALLOWED exception)", "a\u3031"],
    ["Arabic tatweel (DISALLOWED exception)", "\u0628\u0640\u0628"],
    ["an old Hangul jamo", "\u1100"],
    ["a combining mark for symbols", "a\u20D0"],
    ["a soft hyphen (ignorable)", "a\u00ADb"],
    ["a middle dot not between l's", "a·b"],
    ["a keraia not before Greek", "\u0375a"],
    ["a geresh not after Hebrew", "a\u05F3"],
    ["a katakana middle dot without kana or Han", "a・b"],
    ["Arabic-Indic digits mixed with extended ones", "\u0661\u06F1"],
    ["punctuation", "a!b"],
  ])("refuses %s", (_, label) => {
    expect(isIdna2008Label(label)).toBe(false);
  });
});
