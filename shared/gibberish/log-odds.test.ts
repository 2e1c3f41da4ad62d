import { describe, expect, it } from "vitest";
import { BOUNDARY, DIGIT, SEPARATOR, SYMBOL_COUNT, TRIGRAM_COUNT } from "./alphabet";
import { STEPS_PER_NAT, nullProbability, quantizedLogOdds } from "./log-odds";

describe("nullProbability", () => {
  it("is uniform over [a-z0-9], with the end certain", () => {
    expect(nullProbability(1)).toBeCloseTo(1 / 36);
    expect(nullProbability(DIGIT)).toBeCloseTo(10 / 36);
    expect(nullProbability(SEPARATOR)).toBeCloseTo(1 / 36);
    expect(nullProbability(BOUNDARY)).toBe(1);
  });
});

describe("quantizedLogOdds", () => {
  it("quantizes log-odds to eighths of a nat and clamps them to a byte", () => {
    const probabilities = new Float64Array(TRIGRAM_COUNT).fill(1 / 36);
    probabilities[SYMBOL_COUNT + BOUNDARY] = 1e-30;
    probabilities[SYMBOL_COUNT + DIGIT] = 10 / 36;
    probabilities[SYMBOL_COUNT + 1] = Math.E / 36;
    const table = quantizedLogOdds(probabilities);
    expect(table[SYMBOL_COUNT + 2]).toBe(0);
    expect(table[SYMBOL_COUNT + DIGIT]).toBe(0);
    expect(table[SYMBOL_COUNT + 1]).toBe(STEPS_PER_NAT);
    expect(table[SYMBOL_COUNT + BOUNDARY]).toBe(-128);
  });
});
