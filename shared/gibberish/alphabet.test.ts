import { describe, expect, it } from "vitest";
import { BOUNDARY, DIGIT, NOT_ASCII, SEPARATOR, SYMBOL_COUNT, TRIGRAM_COUNT, symbolOf, trigramIndex } from "./alphabet";

const code = (character: string): number => character.charCodeAt(0);

describe("symbolOf", () => {
  it("folds case and numbers the letters from 1", () => {
    expect(symbolOf(code("a"))).toBe(1);
    expect(symbolOf(code("Z"))).toBe(26);
    expect(symbolOf(code("m"))).toBe(symbolOf(code("M")));
  });

  it("gives every digit one symbol and every other ASCII character another", () => {
    expect([..."0123456789"].map((digit) => symbolOf(code(digit)))).toEqual(Array(10).fill(DIGIT));
    const others = [...".-_+!#$%&'*/=?^`{|}~ \"\0"];
    expect(others.map((other) => symbolOf(code(other)))).toEqual(others.map(() => SEPARATOR));
  });

  it("marks anything outside ASCII, and never yields the boundary", () => {
    expect(symbolOf(code("é"))).toBe(NOT_ASCII);
    expect(symbolOf(code("用"))).toBe(NOT_ASCII);
    for (let ascii = 0; ascii < 128; ascii++) expect(symbolOf(ascii)).not.toBe(BOUNDARY);
  });
});

describe("trigramIndex", () => {
  it("lays out every trigram once in a flat table", () => {
    const seen = new Set<number>();
    for (let a = 0; a < SYMBOL_COUNT; a++) for (let b = 0; b < SYMBOL_COUNT; b++) for (let c = 0; c < SYMBOL_COUNT; c++) seen.add(trigramIndex(a, b, c));
    expect(seen.size).toBe(TRIGRAM_COUNT);
    expect(Math.min(...seen)).toBe(0);
    expect(Math.max(...seen)).toBe(TRIGRAM_COUNT - 1);
  });
});
