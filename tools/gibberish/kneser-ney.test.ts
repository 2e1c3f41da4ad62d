import { describe, expect, it } from "vitest";
import { BOUNDARY, SYMBOL_COUNT, symbolOf, trigramIndex } from "../../shared/gibberish/alphabet";
import { TrigramCounts, kneserNeyProbabilities } from "./kneser-ney";

const s = (character: string): number => symbolOf(character.charCodeAt(0));

function trained(...texts: string[]): Float64Array {
  const counts = new TrigramCounts();
  for (const text of texts) counts.add(text);
  return kneserNeyProbabilities(counts);
}

describe("TrigramCounts", () => {
  it("counts the padded trigrams of a text, end included", () => {
    const counts = new TrigramCounts();
    counts.add("Ab");
    expect(counts.counts[trigramIndex(BOUNDARY, BOUNDARY, s("a"))]).toBe(1);
    expect(counts.counts[trigramIndex(BOUNDARY, s("a"), s("b"))]).toBe(1);
    expect(counts.counts[trigramIndex(s("a"), s("b"), BOUNDARY)]).toBe(1);
    expect(counts.counts.reduce((sum, count) => sum + count, 0)).toBe(3);
  });

  it("skips texts the model never scores", () => {
    const counts = new TrigramCounts();
    counts.add("josé");
    expect(counts.counts.every((count) => count === 0)).toBe(true);
  });
});

describe("kneserNeyProbabilities", () => {
  const probabilities = trained("anna", "hanna", "jana", "ann", "nana", "anja");

  it("gives a distribution over the next symbol for every context", () => {
    for (let context = 0; context < SYMBOL_COUNT * SYMBOL_COUNT; context++) {
      let total = 0;
      for (let next = 0; next < SYMBOL_COUNT; next++) {
        const probability = probabilities[context * SYMBOL_COUNT + next]!;
        expect(probability).toBeGreaterThan(0);
        total += probability;
      }
      expect(total).toBeCloseTo(1, 9);
    }
  });

  it("prefers what it saw, and backs off to shorter contexts for what it did not", () => {
    const p = (a: string, b: string, c: string): number => probabilities[trigramIndex(s(a), s(b), s(c))]!;
    expect(p("a", "n", "n")).toBeGreaterThan(p("a", "n", "q"));
    // "n" after "j", "j" never seen before it: the bigram "an" still makes "n" likelier than "q".
    expect(p("j", "a", "n")).toBeGreaterThan(p("j", "a", "q"));
  });
});
