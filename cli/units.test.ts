import { describe, expect, it } from "vitest";
import { formatClock, formatCount, formatElapsed, formatPercent } from "./units";

describe("units", () => {
  it("separates thousands", () => {
    expect(formatCount(0)).toBe("0");
    expect(formatCount(1_234_567)).toBe("1,234,567");
  });

  it("shows time left as a clock, rounded up to the second", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(4.2)).toBe("0:05");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(3600)).toBe("1:00:00");
    expect(formatClock(3725)).toBe("1:02:05");
  });

  it("shows elapsed time in seconds under a minute, else as a clock", () => {
    expect(formatElapsed(12_345)).toBe("12.3 s");
    expect(formatElapsed(59_940)).toBe("59.9 s");
    expect(formatElapsed(125_000)).toBe("2:05");
  });

  it("gives shares with one decimal, and 0 % of nothing", () => {
    expect(formatPercent(1, 3)).toBe("33.3%");
    expect(formatPercent(3, 3)).toBe("100.0%");
    expect(formatPercent(0, 0)).toBe("0.0%");
  });
});
