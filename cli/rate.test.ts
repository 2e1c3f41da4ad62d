import { describe, expect, it } from "vitest";
import { RateEstimator } from "./rate";

describe("RateEstimator", () => {
  it("knows nothing from one sample, or from less than a second", () => {
    const rate = new RateEstimator();
    rate.add(0, 0);
    expect(rate.perSecond()).toBeUndefined();
    rate.add(500, 50);
    expect(rate.perSecond()).toBeUndefined();
    expect(rate.secondsLeft(1000)).toBeUndefined();
  });

  it("gives rows per second and the time left", () => {
    const rate = new RateEstimator();
    rate.add(0, 0);
    rate.add(2_000, 100);
    expect(rate.perSecond()).toBe(50);
    expect(rate.secondsLeft(1_000)).toBe(18);
  });

  it("knows nothing while no row has been done (a queued job)", () => {
    const rate = new RateEstimator();
    rate.add(0, 0);
    rate.add(5_000, 0);
    expect(rate.perSecond()).toBeUndefined();
  });

  it("follows the recent pace, not the average since the start", () => {
    const rate = new RateEstimator();
    // 10 rows/s for a minute, then 100 rows/s for a minute.
    for (let second = 0; second <= 60; second++) rate.add(second * 1000, second * 10);
    for (let second = 61; second <= 120; second++) rate.add(second * 1000, 600 + (second - 60) * 100);
    expect(rate.perSecond()).toBe(100);
  });

  it("counts a stall inside the window", () => {
    const rate = new RateEstimator();
    rate.add(0, 0);
    rate.add(10_000, 1_000);
    rate.add(20_000, 1_000);
    expect(rate.perSecond()).toBe(50);
  });

  it("never gives a negative time left", () => {
    const rate = new RateEstimator();
    rate.add(0, 0);
    rate.add(1_000, 20);
    expect(rate.secondsLeft(10)).toBe(0);
  });
});
