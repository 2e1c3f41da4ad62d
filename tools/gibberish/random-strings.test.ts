import { describe, expect, it } from "vitest";
import { seededRandom } from "../../shared/gibberish/random";
import { RANDOM_KINDS, randomLocalPart } from "./random-strings";

const ALPHABET_OF = {
  alphanumeric: /^[a-z0-9]+$/,
  letters: /^[a-z]+$/,
  "keyboard mash": /^[a-z]+[0-9]*$/,
  hex: /^[0-9a-f]+$/,
  "base36 id": /^[a-z0-9]+$/,
} as const;

describe("randomLocalPart", () => {
  it.each(RANDOM_KINDS)("makes %s strings of the asked length and alphabet", (kind) => {
    const random = seededRandom(11);
    for (let i = 0; i < 200; i++) {
      const length = random.int(8, 16);
      const text = randomLocalPart(random, kind, length);
      expect(text).toHaveLength(length);
      expect(text).toMatch(ALPHABET_OF[kind]);
    }
  });

  it("mashes mostly move to a neighbouring key", () => {
    const rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
    const position = (key: string): [number, number] => {
      const row = rows.findIndex((keys) => keys.includes(key));
      return [row, rows[row]!.indexOf(key)];
    };
    const random = seededRandom(12);
    let neighbours = 0;
    let steps = 0;
    for (let i = 0; i < 300; i++) {
      const letters = randomLocalPart(random, "keyboard mash", 12).replace(/[0-9]+$/, "");
      for (let j = 1; j < letters.length; j++) {
        const [row, column] = position(letters[j - 1]!);
        const [nextRow, nextColumn] = position(letters[j]!);
        steps++;
        if (Math.abs(row - nextRow) + Math.abs(column - nextColumn) <= 2) neighbours++;
      }
    }
    expect(neighbours / steps).toBeGreaterThan(0.7);
  });

  it("is the same for the same seed", () => {
    const make = (): string[] => RANDOM_KINDS.map((kind) => randomLocalPart(seededRandom(13), kind, 10));
    expect(make()).toEqual(make());
  });
});
