import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createDomainRate } from "./domain-rate";

function clock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe("createDomainRate", () => {
  it("gives a second's worth at once, then spaces the rest out in time", () => {
    const time = clock();
    const rate = createDomainRate(5, time.now);
    expect(rate.reserve("example.org", 12, 10_000)).toEqual({ granted: 5, waitMs: 0 });
    expect(rate.reserve("example.org", 7, 10_000)).toEqual({ granted: 5, waitMs: 1000 });
    expect(rate.reserve("Example.ORG.", 2, 10_000)).toEqual({ granted: 2, waitMs: 1400 });
  });

  it("keeps domains apart", () => {
    const rate = createDomainRate(1, clock().now);
    expect(rate.reserve("a.example", 1, 0).granted).toBe(1);
    expect(rate.reserve("b.example", 1, 0).granted).toBe(1);
    expect(rate.reserve("a.example", 1, 0).granted).toBe(0);
  });

  it("grants nothing that cannot be sent before the deadline", () => {
    const rate = createDomainRate(2, clock().now);
    rate.reserve("example.org", 2, 0);
    expect(rate.reserve("example.org", 2, 400)).toEqual({ granted: 0, waitMs: 0 });
    expect(rate.reserve("example.org", 2, 500)).toEqual({ granted: 1, waitMs: 500 });
  });

  it("refills with time, up to one second's worth", () => {
    const time = clock();
    const rate = createDomainRate(5, time.now);
    rate.reserve("example.org", 5, 0);
    time.advance(60_000);
    expect(rate.reserve("example.org", 100, 0)).toEqual({ granted: 5, waitMs: 0 });
  });

  it("allows a slow rate below one a second", () => {
    const time = clock();
    const rate = createDomainRate(0.5, time.now);
    expect(rate.reserve("example.org", 3, 0).granted).toBe(1);
    expect(rate.reserve("example.org", 1, 10_000)).toEqual({ granted: 1, waitMs: 2000 });
  });

  it("keeps a grant within the deadline despite float rounding", () => {
    const time = clock();
    const rate = createDomainRate(4, time.now);
    rate.reserve("example.org", 2, 0);
    time.advance(492);
    expect(rate.reserve("example.org", 4, 8)).toEqual({ granted: 4, waitMs: 8 });
  });

  it("never sends faster than the rate, whatever the callers ask", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 500 })), { maxLength: 40 }), (calls) => {
        const time = clock();
        const rate = createDomainRate(4, time.now);
        const sends: number[] = [];
        for (const [wanted, withinMs, gap] of calls) {
          time.advance(gap);
          const { granted, waitMs } = rate.reserve("example.org", wanted, withinMs);
          expect(waitMs).toBeLessThanOrEqual(withinMs);
          for (let index = 0; index < granted; index++) sends.push(time.now() + waitMs);
        }
        // In any window of one second at most one burst (4) plus the refill (4) can start.
        sends.sort((a, b) => a - b);
        for (let index = 8; index < sends.length; index++) expect(sends[index]! - sends[index - 8]!).toBeGreaterThanOrEqual(1000);
      }),
      { numRuns: 1000 },
    );
  });
});
