import { describe, expect, it } from "vitest";
import { flaggedShare, randomSamples, realSamples } from "./evaluation-sets";
import { RANDOM_KINDS } from "./random-strings";

describe("realSamples and randomSamples", () => {
  it("draw the same samples for the same seed, evenly over categories and kinds", { timeout: 60_000 }, () => {
    const real = realSamples("validation", 10, 1);
    expect(real).toEqual(realSamples("validation", 10, 1));
    expect(real).toHaveLength(10 * new Set(real.map((sample) => sample.category)).size);
    const random = randomSamples(10, 2);
    expect(random).toHaveLength(10 * RANDOM_KINDS.length);
    expect(random.every((sample) => sample.text.length >= 8 && sample.text.length <= 16)).toBe(true);
  });
});

describe("flaggedShare", () => {
  it("gives the share flagged per key and over all", () => {
    const samples = [
      { text: "a1", kind: "x" },
      { text: "b", kind: "x" },
      { text: "c1", kind: "y" },
      { text: "d", kind: "y" },
    ];
    expect(
      flaggedShare(
        samples,
        (sample) => sample.kind,
        (text) => text.endsWith("1"),
      ),
    ).toEqual({
      x: 0.5,
      y: 0.5,
      all: 0.5,
    });
  });
});
