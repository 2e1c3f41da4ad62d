import { describe, expect, it } from "vitest";
import { hasUnsafeCharacter, utf8Length } from "./unicode-text";

describe("hasUnsafeCharacter", () => {
  it.each([
    ["a NUL", "a\u0000b"],
    ["a C1 control", "\u009C"],
    ["a zero-width space (format)", "a\u200Bb"],
    ["a bidi override (format)", "\u202Dforward-\u202Ereversed"],
    ["a lone high surrogate", "a\uD800"],
    ["a lone low surrogate", "\uDC00a"],
    ["a private-use code point", "\uE000"],
    ["a supplementary private-use code point", "\u{10FDEF}"],
    ["a noncharacter (unassigned)", "\uFDEF"],
    ["an unassigned code point", "\u0378"],
    ["a four-per-em space", "\u2005"],
    ["a no-break space", "nbsp\u00A0test"],
    ["an ideographic space", "\u3000"],
    ["a line separator", "\u2028"],
    ["a paragraph separator", "\u2029"],
  ])("finds %s", (_, text) => {
    expect(hasUnsafeCharacter(text)).toBe(true);
  });

  it.each(["ñoñó", "用户", "a b", "＠", "θσερ", "s\u0323\u0307", "\u{1F600}"])("lets %j through", (text) => {
    expect(hasUnsafeCharacter(text)).toBe(false);
  });
});

describe("utf8Length", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["ñ", 2],
    ["用户", 6],
    ["\u{1F600}", 4],
    ["a\u00E9\u4E2D\u{10348}", 1 + 2 + 3 + 4],
  ])("counts %j as %i octets", (text, octets) => {
    expect(utf8Length(text)).toBe(octets);
    expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
  });
});
