import { describe, expect, it } from "vitest";
import { seededRandom, weightedPick } from "./random";

describe("seededRandom", () => {
  it("repeats itself for a seed and differs between seeds", () => {
    const draw = (seed: number): number[] => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it("stays in its ranges and reaches both ends", () => {
    const random = seededRandom(3);
    const rolls = Array.from({ length: 1000 }, () => random.int(1, 6));
    expect(new Set(rolls)).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    const floats = Array.from({ length: 1000 }, () => random.next());
    expect(floats.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it("picks from a list, and refuses an empty one", () => {
    const random = seededRandom(4);
    expect(["a", "b"]).toContain(random.pick(["a", "b"]));
    expect(() => random.pick([])).toThrow(RangeError);
  });
});

describe("weightedPick", () => {
  it("picks in proportion to the weights", () => {
    const random = seededRandom(5);
    const picks = Array.from({ length: 10_000 }, () =>
      weightedPick(random, [
        [3, "common"],
        [1, "rare"],
      ]),
    );
    const rare = picks.filter((pick) => pick === "rare").length / picks.length;
    expect(rare).toBeGreaterThan(0.22);
    expect(rare).toBeLessThan(0.28);
  });
});
