import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BOUNDARY, TRIGRAM_COUNT, symbolOf, trigramIndex } from "./alphabet";
import { gibberishEvidence } from "./evidence";
import { STEPS_PER_NAT } from "./log-odds";

const s = (character: string): number => symbolOf(character.charCodeAt(0));

/** A table where every trigram is worth one step against, except those of "ab" which are worth 8 for. */
function toyTable(): Int8Array {
  const table = new Int8Array(TRIGRAM_COUNT).fill(-1);
  table[trigramIndex(BOUNDARY, BOUNDARY, s("a"))] = 8;
  table[trigramIndex(BOUNDARY, s("a"), s("b"))] = 8;
  table[trigramIndex(s("a"), s("b"), BOUNDARY)] = 8;
  return table;
}

describe("gibberishEvidence", () => {
  const table = toyTable();

  it("sums the trigrams' log-odds, end included, as evidence against a person", () => {
    expect(gibberishEvidence(table, "ab")).toBe(-3);
    expect(gibberishEvidence(table, "AB")).toBe(-3);
    expect(gibberishEvidence(table, "xyz")).toBe(4 / STEPS_PER_NAT);
  });

  it("has nothing to judge without letters or outside ASCII", () => {
    expect(gibberishEvidence(table, "")).toBe(0);
    expect(gibberishEvidence(table, "1234-5678")).toBe(0);
    expect(gibberishEvidence(table, "xyzé")).toBe(0);
    expect(gibberishEvidence(table, "张伟")).toBe(0);
  });

  it("reads digits and separators as symbols of their own", () => {
    const zeros = new Int8Array(TRIGRAM_COUNT);
    zeros[trigramIndex(s("a"), s("7"), s("b"))] = -16;
    expect(gibberishEvidence(zeros, "a7b")).toBe(2);
    expect(gibberishEvidence(zeros, "a0b")).toBe(2);
    expect(gibberishEvidence(zeros, "a.b")).toBe(0);
  });

  it("never throws and is finite", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(Number.isFinite(gibberishEvidence(table, text))).toBe(true);
      }),
    );
  });
});
