import { describe, expect, it } from "vitest";
import { createCacheApiStore, type WebCache } from "./cache-api-store";
import type { CacheableOutcome } from "./lookup-outcome";

/** A Map standing in for the Cache API, which Node lacks; workerd's own is tested in edge/src/dns-cache.test.ts. */
function mapCache(): WebCache & { stored: Map<string, Response> } {
  const stored = new Map<string, Response>();
  return {
    stored,
    match: async (url) => stored.get(url)?.clone(),
    put: async (url, response) => void stored.set(url, response),
  };
}

const answer: CacheableOutcome = { kind: "records", records: [{ type: "MX", preference: 10, exchange: "mx.example.net" }], ttl: 300 };

describe("createCacheApiStore", () => {
  it("keeps each answer under its own synthetic URL, with max-age set to the TTL", async () => {
    const cache = mapCache();
    const store = createCacheApiStore(cache, { baseUrl: "https://dns.test/" });
    await store.put("MX example.net", answer);
    await store.put("A example.net", { kind: "nxdomain", ttl: 60 });
    expect(await store.get("MX example.net")).toEqual(answer);
    expect(await store.get("A example.net")).toEqual({ kind: "nxdomain", ttl: 60 });
    expect(await store.get("AAAA example.net")).toBeUndefined();
    expect([...cache.stored.keys()]).toEqual(["https://dns.test/MX%20example.net", "https://dns.test/A%20example.net"]);
    expect(cache.stored.get("https://dns.test/MX%20example.net")?.headers.get("cache-control")).toBe("max-age=300");
  });

  it("ignores an answer past its TTL even if the cache still has it", async () => {
    let now = 0;
    const store = createCacheApiStore(mapCache(), { now: () => now });
    await store.put("MX example.net", answer);
    now += 299_999;
    expect(await store.get("MX example.net")).toEqual(answer);
    now += 1;
    expect(await store.get("MX example.net")).toBeUndefined();
  });
});
