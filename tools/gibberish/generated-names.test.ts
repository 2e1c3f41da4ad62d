import { describe, expect, it } from "vitest";
import { pinyinGivenName, romajiName } from "./generated-names";
import { seededRandom } from "../../shared/gibberish/random";

describe("pinyinGivenName", () => {
  it("joins one or two pinyin syllables", () => {
    const random = seededRandom(21);
    const names = Array.from({ length: 500 }, () => pinyinGivenName(random));
    expect(names.every((name) => /^[a-z]{1,12}$/.test(name))).toBe(true);
    expect(names.some((name) => name.length >= 6)).toBe(true);
  });
});

describe("romajiName", () => {
  it("writes kana names in Hepburn romaji, letters only", () => {
    const random = seededRandom(22);
    const names = Array.from({ length: 500 }, () => romajiName(random));
    expect(names.every((name) => /^[a-z]{2,}$/.test(name))).toBe(true);
    // Hepburn: shi, chi, tsu, fu, and no Kunrei si/ti/tu.
    expect(names.some((name) => /shi|chi|tsu/.test(name))).toBe(true);
    expect(names.some((name) => /si|ti|tu(?!s)/.test(name.replace(/shi|chi/g, "")))).toBe(false);
  });

  it("is the same for the same seed", () => {
    expect(romajiName(seededRandom(23))).toBe(romajiName(seededRandom(23)));
  });
});
