import type { CacheableOutcome } from "./lookup-outcome";

/**
 * Where the resolver keeps answers between lookups: an in-memory LRU in Node
 * (`createMemoryCache`), the Cache API at the edge (`createCacheApiStore`). A store keeps an
 * answer for its `ttl` seconds and may drop it sooner; a store that fails is a miss, never an
 * error, because the resolver catches whatever a store throws.
 */
export interface AnswerCache {
  get(key: string): Promise<CacheableOutcome | undefined>;
  put(key: string, answer: CacheableOutcome): Promise<void>;
}
