import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catchAllFrom, createCatchAllCache, randomLocalPart } from "./catch-all";

describe("randomLocalPart", () => {
  it("is at least 20 characters of base 36, different every time", () => {
    const parts = Array.from({ length: 1000 }, randomLocalPart);
    for (const part of parts) expect(part).toMatch(/^[0-9a-z]{20,}$/);
    expect(new Set(parts).size).toBe(parts.length);
  });
});

describe("catchAllFrom", () => {
  it.each([
    ["accepted", true],
    ["mailbox_not_found", false],
    ["mailbox_disabled", false],
    ["greylisted", null],
    ["blocked", null],
    ["timeout", null],
  ] as const)("reads %s as %s", (reason, answer) => {
    expect(catchAllFrom({ reason })).toBe(answer);
  });
});

describe("createCatchAllCache", () => {
  function clock() {
    let time = 0;
    return { now: () => time, advance: (ms: number) => void (time += ms) };
  }

  it("lets one caller find out, then answers from memory until the TTL passes", () => {
    const time = clock();
    const cache = createCatchAllCache(3600, time.now);
    expect(cache.claim("example.org", "mx.example.org")).toBe(true);
    expect(cache.claim("example.org", "mx.example.org")).toBe(false); // another request is finding out
    expect(cache.get("example.org", "mx.example.org")).toBeUndefined();
    cache.settle("example.org", "mx.example.org", true);
    expect(cache.get("Example.ORG.", "MX.example.org")).toBe(true);
    expect(cache.claim("example.org", "mx.example.org")).toBe(false);
    time.advance(3600_000);
    expect(cache.get("example.org", "mx.example.org")).toBeUndefined();
    expect(cache.claim("example.org", "mx.example.org")).toBe(true);
  });

  it("keeps the answer of each MX host apart", () => {
    const cache = createCatchAllCache(3600);
    cache.settle("example.org", "backup.example.net", true);
    expect(cache.get("example.org", "mx.example.org")).toBeUndefined();
    expect(cache.claim("example.org", "mx.example.org")).toBe(true);
  });

  it("forgets a claim that learned nothing, and one never settled after a minute", () => {
    const time = clock();
    const cache = createCatchAllCache(3600, time.now);
    cache.claim("example.org", "mx.example.org");
    cache.settle("example.org", "mx.example.org", null);
    expect(cache.claim("example.org", "mx.example.org")).toBe(true);
    time.advance(60_000);
    expect(cache.claim("example.org", "mx.example.org")).toBe(true);
  });

  it("answers as a map would, whatever the order of calls", () => {
    const step = fc.tuple(fc.constantFrom("a.example", "b.example"), fc.constantFrom(true, false, null));
    fc.assert(
      fc.property(fc.array(step), (steps) => {
        const cache = createCatchAllCache(3600);
        const model = new Map<string, boolean>();
        for (const [domain, answer] of steps) {
          cache.settle(domain, "mx", answer);
          if (answer === null) model.delete(domain);
          else model.set(domain, answer);
          expect(cache.get(domain, "mx")).toBe(model.get(domain));
        }
      }),
    );
  });
});
