import { describe, expect, it } from "vitest";
import { categoriesOf } from "./corpus";
import { LOCALES_BY_GROUP } from "./name-sources";
import { seededRandom } from "../../shared/gibberish/random";
import { splitOf } from "./splits";

describe("categoriesOf", () => {
  const test = categoriesOf("test");

  it("has every language group, the generated names, the name list and the words", () => {
    expect(test.map((category) => category.name)).toEqual([
      ...Object.keys(LOCALES_BY_GROUP),
      "pinyin (generated)",
      "romaji (generated)",
      "humannames",
      "words and handles",
    ]);
  });

  it("builds held-out local parts only from names of their own split", { timeout: 60_000 }, () => {
    const random = seededRandom(41);
    for (const category of test) {
      for (let i = 0; i < 300; i++) {
        const { text, shape } = category.sample(random);
        if (shape === "first name" || shape === "surname") expect(splitOf(text)).toBe("test");
      }
    }
  });
});
