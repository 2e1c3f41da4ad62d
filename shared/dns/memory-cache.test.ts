import { describe, expect, it } from "vitest";
import type { CacheableOutcome } from "./lookup-outcome";
import { createMemoryCache } from "./memory-cache";

const answer = (ttl: number): CacheableOutcome => ({ kind: "nodata", ttl });

describe("createMemoryCache", () => {
  it("keeps an answer for its TTL", async () => {
    let now = 1_000_000;
    const cache = createMemoryCache({ now: () => now });
    await cache.put("MX example.net", answer(60));
    now += 59_999;
    expect(await cache.get("MX example.net")).toEqual(answer(60));
    now += 1;
    expect(await cache.get("MX example.net")).toBeUndefined();
  });

  it("drops the least recently used answer when full", async () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    await cache.put("a", answer(60));
    await cache.put("b", answer(60));
    await cache.get("a");
    await cache.put("c", answer(60));
    expect(await cache.get("b")).toBeUndefined();
    expect(await cache.get("a")).toBeDefined();
    expect(await cache.get("c")).toBeDefined();
  });

  it("replaces an answer put again", async () => {
    const cache = createMemoryCache();
    await cache.put("a", answer(60));
    await cache.put("a", answer(120));
    expect(await cache.get("a")).toEqual(answer(120));
  });
});
