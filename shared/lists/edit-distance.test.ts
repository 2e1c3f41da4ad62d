import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { typoDistance } from "./edit-distance";

describe("typoDistance", () => {
  it.each([
    ["gmail", "gmail", 0],
    ["gmial", "gmail", 1],
    ["gmal", "gmail", 1],
    ["gmaill", "gmail", 1],
    ["gnail", "gmail", 1],
    ["hotmial", "hotmail", 1],
    ["outlok", "outlook", 1],
    ["yahooo", "yahoo", 1],
    ["never", "naver", 2],
    ["hotmeil", "hotmail", 2],
    ["homtail", "hotmail", 1],
    ["", "abc", 3],
  ])("%j to %j is %i", (typed, intended, distance) => {
    expect(typoDistance(typed, intended, 5)).toBe(distance);
  });

  it("stops at max + 1", () => {
    expect(typoDistance("acme", "gmail", 1)).toBe(2);
    expect(typoDistance("a", "abcdef", 2)).toBe(3);
  });

  it("handles strings longer than its scratch rows", () => {
    const long = "a".repeat(100);
    expect(typoDistance(long, `${long}b`, 2)).toBe(1);
  });

  it("is zero exactly for equal strings, and never exceeds max + 1", () => {
    const word = fc.string({ unit: fc.constantFrom(..."abcdemn.-1"), maxLength: 10 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (typed, intended, max) => {
        const distance = typoDistance(typed, intended, max);
        expect(distance === 0).toBe(typed === intended);
        expect(distance).toBeLessThanOrEqual(max + 1);
        expect(distance).toBeGreaterThanOrEqual(Math.min(Math.abs(typed.length - intended.length), max + 1));
      }),
    );
  });
});
