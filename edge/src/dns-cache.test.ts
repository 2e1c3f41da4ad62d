import { describe, expect, it } from "vitest";
import { createCacheApiStore } from "../../shared/dns/cache-api-store";
import type { CacheableOutcome } from "../../shared/dns/lookup-outcome";

const answer: CacheableOutcome = { kind: "records", records: [{ type: "A", address: "192.0.2.1" }], ttl: 300 };

/** The DNS answer cache on workerd's own Cache API (shared/dns/cache-api-store.ts). */
describe("createCacheApiStore in workerd", () => {
  it.each([
    ["caches.default", async () => caches.default],
    ["a named cache", () => caches.open("mailvet-dns-test")],
  ])("keeps answers in %s", async (_, open) => {
    const store = createCacheApiStore(await open(), { baseUrl: `https://dns-cache.mailvet.invalid/${crypto.randomUUID()}/` });
    expect(await store.get("A example.net")).toBeUndefined();
    await store.put("A example.net", answer);
    await store.put("MX example.net", { kind: "nodata", ttl: 60 });
    expect(await store.get("A example.net")).toEqual(answer);
    expect(await store.get("MX example.net")).toEqual({ kind: "nodata", ttl: 60 });
  });

  it("does not return an answer past its TTL", async () => {
    let now = Date.now();
    const store = createCacheApiStore(caches.default, { baseUrl: `https://dns-cache.mailvet.invalid/${crypto.randomUUID()}/`, now: () => now });
    await store.put("A example.net", answer);
    now += 301_000;
    expect(await store.get("A example.net")).toBeUndefined();
  });
});
