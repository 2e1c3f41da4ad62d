import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createServerRates, type RcptPace } from "./server-rate";

const fixed = (perSecond: number): RcptPace => ({ startPerSecond: perSecond, maxPerSecond: perSecond });

function clock() {
  let time = 0;
  return { now: () => time, advance: (ms: number) => void (time += ms) };
}

describe("createServerRates", () => {
  it("gives a second's worth at once, then spaces the rest out in time", () => {
    const time = clock();
    const rate = createServerRates(time.now);
    const pace = fixed(5);
    expect(rate.reserve("example.org", pace, 12, 10_000)).toEqual({ granted: 5, waitMs: 0 });
    expect(rate.reserve("example.org", pace, 7, 10_000)).toEqual({ granted: 5, waitMs: 1000 });
    expect(rate.reserve("example.org", pace, 2, 10_000)).toEqual({ granted: 2, waitMs: 1400 });
  });

  it("keeps servers apart", () => {
    const rate = createServerRates(clock().now);
    const pace = fixed(1);
    expect(rate.reserve("a.example", pace, 1, 0).granted).toBe(1);
    expect(rate.reserve("b.example", pace, 1, 0).granted).toBe(1);
    expect(rate.reserve("a.example", pace, 1, 0).granted).toBe(0);
  });

  it("grants nothing that cannot be sent before the deadline", () => {
    const rate = createServerRates(clock().now);
    const pace = fixed(2);
    rate.reserve("example.org", pace, 2, 0);
    expect(rate.reserve("example.org", pace, 2, 400)).toEqual({ granted: 0, waitMs: 0 });
    expect(rate.reserve("example.org", pace, 2, 500)).toEqual({ granted: 1, waitMs: 500 });
  });

  it("refills with time, up to one second's worth", () => {
    const time = clock();
    const rate = createServerRates(time.now);
    const pace = fixed(5);
    rate.reserve("example.org", pace, 5, 0);
    time.advance(60_000);
    expect(rate.reserve("example.org", pace, 100, 0)).toEqual({ granted: 5, waitMs: 0 });
  });

  it("allows a slow rate below one a second", () => {
    const time = clock();
    const rate = createServerRates(time.now);
    const pace = fixed(0.5);
    expect(rate.reserve("example.org", pace, 3, 0).granted).toBe(1);
    expect(rate.reserve("example.org", pace, 1, 10_000)).toEqual({ granted: 1, waitMs: 2000 });
  });

  it("keeps a grant within the deadline despite float rounding", () => {
    const time = clock();
    const rate = createServerRates(time.now);
    const pace = fixed(4);
    rate.reserve("example.org", pace, 2, 0);
    time.advance(492);
    expect(rate.reserve("example.org", pace, 4, 8)).toEqual({ granted: 4, waitMs: 8 });
  });

  it("never sends faster than the rate, whatever the callers ask", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 500 })), { maxLength: 40 }),
        (calls) => {
          const time = clock();
          const rate = createServerRates(time.now);
          const pace = fixed(4);
          const sends: number[] = [];
          for (const [wanted, withinMs, gap] of calls) {
            time.advance(gap);
            const { granted, waitMs } = rate.reserve("example.org", pace, wanted, withinMs);
            expect(waitMs).toBeLessThanOrEqual(withinMs);
            for (let index = 0; index < granted; index++) sends.push(time.now() + waitMs);
          }
          // In any window of one second at most one burst (4) plus the refill (4) can start.
          sends.sort((a, b) => a - b);
          for (let index = 8; index < sends.length; index++) expect(sends[index]! - sends[index - 8]!).toBeGreaterThanOrEqual(1000);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("learns: a step faster after each clean batch up to the ceiling, half as fast after a throttle", () => {
    const rate = createServerRates(clock().now);
    const pace = { startPerSecond: 8, maxPerSecond: 20 };
    expect(rate.perSecond("192.0.2.7", pace)).toBe(8);
    rate.ease("192.0.2.7", pace);
    expect(rate.perSecond("192.0.2.7", pace)).toBe(10);
    for (let step = 0; step < 20; step++) rate.ease("192.0.2.7", pace);
    expect(rate.perSecond("192.0.2.7", pace)).toBe(20);
    rate.throttle("192.0.2.7", pace);
    expect(rate.perSecond("192.0.2.7", pace)).toBe(10);
    for (let step = 0; step < 20; step++) rate.throttle("192.0.2.7", pace);
    expect(rate.perSecond("192.0.2.7", pace)).toBe(1);
    expect(rate.perSecond("192.0.2.8", pace)).toBe(8);
  });

  it("forgets a learned rate after an hour without a request", () => {
    const time = clock();
    const rate = createServerRates(time.now);
    const pace = { startPerSecond: 8, maxPerSecond: 20 };
    rate.throttle("192.0.2.7", pace);
    time.advance(3_600_001);
    expect(rate.perSecond("192.0.2.7", pace)).toBe(8);
  });
});
