import { describe, expect, it, vi } from "vitest";
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
  const asking = (answer: boolean | null) => vi.fn(() => Promise.resolve(answer));

  it("asks once, then answers from memory until the TTL passes", async () => {
    const time = clock();
    const cache = createCatchAllCache(3600, time.now);
    const findOut = asking(true);
    expect(await cache.answer("example.org", "mx.example.org", findOut)).toBe(true);
    expect(await cache.answer("Example.ORG.", "MX.example.org", findOut)).toBe(true);
    expect(findOut).toHaveBeenCalledTimes(1);
    time.advance(3600_000);
    expect(await cache.answer("example.org", "mx.example.org", findOut)).toBe(true);
    expect(findOut).toHaveBeenCalledTimes(2);
  });

  it("shares an answer being found out with concurrent callers", async () => {
    const cache = createCatchAllCache(3600);
    let settle!: (answer: boolean) => void;
    const first = cache.answer("example.org", "mx.example.org", () => new Promise((resolve) => (settle = resolve)));
    const second = asking(false);
    const waiting = cache.answer("example.org", "mx.example.org", second);
    settle(true);
    expect([await first, await waiting]).toEqual([true, true]);
    expect(second).not.toHaveBeenCalled();
  });

  it("keeps the answer of each MX host apart", async () => {
    const cache = createCatchAllCache(3600);
    cache.remember("example.org", "backup.example.net", true);
    expect(await cache.answer("example.org", "mx.example.org", asking(false))).toBe(false);
    expect(await cache.answer("example.org", "backup.example.net", asking(false))).toBe(true);
  });

  it("does not keep 'nothing learned', nor a failure", async () => {
    const cache = createCatchAllCache(3600);
    expect(await cache.answer("example.org", "mx", asking(null))).toBeNull();
    expect(await cache.answer("example.org", "mx", () => Promise.reject(new Error("boom")))).toBeNull();
    expect(await cache.answer("example.org", "mx", asking(false))).toBe(false);
  });

  it("lets what a request learned without asking replace an older answer", async () => {
    const cache = createCatchAllCache(3600);
    cache.remember("example.org", "mx", true);
    cache.remember("example.org", "mx", false);
    const findOut = asking(true);
    expect(await cache.answer("example.org", "mx", findOut)).toBe(false);
    expect(findOut).not.toHaveBeenCalled();
  });

  it("lets an answer that never settles lapse after a minute", async () => {
    const time = clock();
    const cache = createCatchAllCache(3600, time.now);
    void cache.answer("example.org", "mx", () => new Promise(() => {}));
    time.advance(60_000);
    expect(await cache.answer("example.org", "mx", asking(true))).toBe(true);
  });
});
