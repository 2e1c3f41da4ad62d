import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REASONS, verdictOf } from "../contract/taxonomy";
import { decodeAnswer, encodeAnswer } from "./answer-code";
import { FLAG_NAMES } from "./result-row";

const answers = fc.record({
  reason: fc.constantFrom(...REASONS),
  flags: fc.record(Object.fromEntries(FLAG_NAMES.map((name) => [name, fc.boolean()])) as Record<(typeof FLAG_NAMES)[number], fc.Arbitrary<boolean>>),
});

describe("answer codes", () => {
  it("give back every reason and flag combination, with the reason's verdict, in two bytes", () => {
    fc.assert(
      fc.property(answers, (answer) => {
        const [reasonCode, flagBits] = encodeAnswer(answer);
        expect(reasonCode).toBeGreaterThan(0);
        expect(reasonCode).toBeLessThan(256);
        expect(flagBits).toBeLessThan(256);
        expect(decodeAnswer(reasonCode, flagBits)).toEqual({ ...answer, verdict: verdictOf(answer.reason) });
      }),
    );
  });

  it("keep 0 for no answer, and read a reason number it does not know as no answer", () => {
    expect(decodeAnswer(0, 0)).toBeNull();
    expect(decodeAnswer(REASONS.length + 1, 0)).toBeNull();
  });

  it("keep the numbers answers files were written with when reasons are added", () => {
    expect(encodeAnswer({ reason: "error", flags: decodeAnswer(1, 0)!.flags })[0]).toBe(18);
    expect(decodeAnswer(6, 0)?.reason).toBe("mailbox_disabled");
    expect(decodeAnswer(7, 0)?.reason).toBe("disposable");
    expect(decodeAnswer(19, 0)?.reason).toBe("bounced");
    expect(decodeAnswer(20, 0)?.reason).toBe("complained");
  });
});
