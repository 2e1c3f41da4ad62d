import { describe, expect, it } from "vitest";
import { LOCALES_BY_GROUP, type LanguageGroup, englishWords, fakerNames, humanNames, toLocalPartLetters } from "./name-sources";

describe("toLocalPartLetters", () => {
  it("romanizes, lower-cases and keeps only letters", () => {
    expect(toLocalPartLetters("Jérôme")).toBe("jerome");
    expect(toLocalPartLetters("O'Brien")).toBe("obrien");
    expect(toLocalPartLetters("Anh Vũ")).toBe("anhvu");
    expect(toLocalPartLetters("Łukasz")).toBe("lukasz");
    expect(toLocalPartLetters("Шевченко")).toBe("shevchenko");
    expect(toLocalPartLetters("张伟")).toBe("zhangwei");
    expect(toLocalPartLetters("민수")).toBe("minsu");
  });
});

describe("the name and word lists", () => {
  it.each(Object.keys(LOCALES_BY_GROUP) as LanguageGroup[])("has first and last names for %s", (group) => {
    const { first, last } = fakerNames(group);
    expect(first.length).toBeGreaterThan(100);
    expect(last.length).toBeGreaterThan(20);
    expect([...first, ...last].every((name) => /^[a-z]{2,}$/.test(name))).toBe(true);
  });

  it("has the big name list and the English words, distinct and clean", () => {
    const names = humanNames();
    const words = englishWords();
    expect(names.length).toBeGreaterThan(190_000);
    expect(words.length).toBeGreaterThan(270_000);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("nguyen");
    expect(words).toContain("coffee");
  });
});
