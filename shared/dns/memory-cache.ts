import type { AnswerCache } from "./answer-cache";
import type { CacheableOutcome } from "./lookup-outcome";

export interface MemoryCacheOptions {
  /** The most answers kept; the least recently used goes first. Default 10,000. */
  maxEntries?: number;
  /** Milliseconds since the epoch; tests move it instead of waiting. */
  now?: () => number;
}

/**
 * An in-memory LRU answer cache, for the prober and for Node generally.
 *
 * @example
 * const resolver = createDohResolver({ cache: createMemoryCache({ maxEntries: 50_000 }) });
 */
export function createMemoryCache({ maxEntries = 10_000, now = Date.now }: MemoryCacheOptions = {}): AnswerCache {
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest use first.
  const entries = new Map<string, { answer: CacheableOutcome; expiresAt: number }>();
  return {
    async get(key) {
      const entry = entries.get(key);
      if (entry === undefined) return undefined;
      entries.delete(key);
      if (entry.expiresAt <= now()) return undefined;
      entries.set(key, entry);
      return entry.answer;
    },
    async put(key, answer) {
      entries.delete(key);
      entries.set(key, { answer, expiresAt: now() + answer.ttl * 1000 });
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
