import { describe, expect, it } from "vitest";
import { splitOf } from "./splits";

describe("splitOf", () => {
  // The committed model was trained on the names this hash put in "train"; if a token moved,
  // held-out names would have been seen in training and the measured error rates would lie.
  it("puts each token in the split it had when the committed model was trained", () => {
    const tokens = ["smith", "garcia", "wang", "nguyen", "müller", "okafor"];
    expect(tokens.map(splitOf)).toEqual(["train", "test", "validation", "train", "train", "train"]);
  });

  it("splits about 70/10/20", () => {
    const counts = { train: 0, validation: 0, test: 0 };
    for (let i = 0; i < 20_000; i++) counts[splitOf(`name${i}`)]++;
    expect(counts.train / 20_000).toBeCloseTo(0.7, 1);
    expect(counts.validation / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.test / 20_000).toBeCloseTo(0.2, 1);
  });
});
