import { describe, expect, it } from "vitest";
import { thresholdForShare } from "./threshold";

describe("thresholdForShare", () => {
  it("flags no more than the share allowed of all samples", () => {
    expect(thresholdForShare([5, 1, 3, 9, 2], 10, 0.1)).toBe(5);
    expect(thresholdForShare([5, 1, 3, 9, 2], 10, 0.2)).toBe(3);
  });

  it("flags fewer when scores tie at the threshold", () => {
    const evidence = [4, 4, 4, 1];
    const threshold = thresholdForShare(evidence, 4, 0.25);
    expect(evidence.filter((value) => value > threshold)).toHaveLength(0);
  });

  it("flags every judged sample when the share allowed covers them all", () => {
    expect(thresholdForShare([1, 2], 100, 0.5)).toBe(Number.NEGATIVE_INFINITY);
    expect(thresholdForShare([1, 2], 100, 0)).toBe(2);
  });
});
