import { describe, expect, it } from "vitest";
import { areAdjacentKeys } from "./keyboard";

describe("areAdjacentKeys", () => {
  it.each([
    ["m", "n"],
    ["n", "m"],
    ["i", "o"],
    ["a", "s"],
    ["q", "a"],
    ["w", "a"],
    ["k", "l"],
    ["g", "h"],
    ["c", "v"],
    ["1", "q"],
    ["o", "l"],
    ["e", "d"],
    ["m", "k"],
    ["m", "j"],
  ])("%s touches %s", (a, b) => {
    expect(areAdjacentKeys(a, b)).toBe(true);
  });

  it.each([
    ["a", "e"],
    ["m", "h"],
    ["q", "p"],
    ["i", "a"],
    ["z", "y"],
    [".", "m"],
    ["a", "a"],
  ])("%s does not touch %s", (a, b) => {
    expect(areAdjacentKeys(a, b)).toBe(false);
  });
});
