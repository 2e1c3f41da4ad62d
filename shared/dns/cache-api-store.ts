import type { AnswerCache } from "./answer-cache";
import type { CacheableOutcome } from "./lookup-outcome";

/**
 * The part of the web Cache interface the store uses; Workers' `caches.default` and any
 * `await caches.open(name)` fit it. Declared here so the module needs no runtime's types.
 */
export interface WebCache {
  match(request: string): Promise<Response | undefined>;
  put(request: string, response: Response): Promise<void>;
}

export interface CacheApiStoreOptions {
  /** Prefix of the synthetic URLs the answers are kept under. */
  baseUrl?: string;
  /** Milliseconds since the epoch; tests move it instead of waiting. */
  now?: () => number;
}

interface StoredAnswer {
  answer: CacheableOutcome;
  expiresAt: number;
}

/**
 * An answer cache on the Cache API, for the edge: each answer is a small JSON response under
 * a synthetic URL, with `max-age` set to its TTL. The expiry is also written in the body and
 * checked on read, because a cache may keep a response longer than its max-age.
 *
 * @example
 * const resolver = createDohResolver({ upstreams, cache: createCacheApiStore(caches.default) });
 */
export function createCacheApiStore(cache: WebCache, options: CacheApiStoreOptions = {}): AnswerCache {
  const { baseUrl = "https://dns-cache.mailvet.invalid/v1/", now = Date.now } = options;
  const urlOf = (key: string) => `${baseUrl}${encodeURIComponent(key)}`;
  return {
    async get(key) {
      const response = await cache.match(urlOf(key));
      if (response === undefined) return undefined;
      const stored = (await response.json()) as StoredAnswer;
      return stored.expiresAt > now() ? stored.answer : undefined;
    },
    async put(key, answer) {
      const stored: StoredAnswer = { answer, expiresAt: now() + answer.ttl * 1000 };
      const headers = { "content-type": "application/json", "cache-control": `max-age=${answer.ttl}` };
      await cache.put(urlOf(key), new Response(JSON.stringify(stored), { headers }));
    },
  };
}
