import { describe, expect, it } from "vitest";
import { splitOf } from "./splits";

describe("splitOf", () => {
  it("always puts a token in the same split", () => {
    expect(splitOf("smith")).toBe(splitOf("smith"));
  });

  it("splits about 70/10/20", () => {
    const counts = { train: 0, validation: 0, test: 0 };
    for (let i = 0; i < 20_000; i++) counts[splitOf(`name${i}`)]++;
    expect(counts.train / 20_000).toBeCloseTo(0.7, 1);
    expect(counts.validation / 20_000).toBeCloseTo(0.1, 1);
    expect(counts.test / 20_000).toBeCloseTo(0.2, 1);
  });
});
