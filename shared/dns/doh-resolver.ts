import type { AnswerCache } from "./answer-cache";
import { createCoalescer } from "./coalesce";
import { createDohExchange } from "./doh-exchange";
import { encodeQuery } from "./encode-query";
import { interpretAnswer } from "./interpret-answer";
import type { CacheableOutcome, LookupOutcome } from "./lookup-outcome";
import { createMemoryCache } from "./memory-cache";
import { QUERY_TYPES, type QueryType } from "./message";
import { boundTtl, DEFAULT_TTL_BOUNDS, type TtlBounds } from "./ttl-bounds";
import { canonicalName } from "./wire-name";

export interface DohResolverOptions {
  /**
   * RFC 8484 endpoints, tried in order: the parsed MAILVET_DOH_URL, or DEFAULT_DOH_URLS from
   * shared/settings when it is unset. Passed in, so this module does not pull in the
   * settings' validation library.
   */
  upstreams: readonly string[];
  /** How long one upstream gets for one query before the next is tried. Default 2000 ms. */
  timeoutMs?: number;
  /** Default: an in-memory LRU of 10,000 answers. */
  cache?: AnswerCache;
  ttlBounds?: TtlBounds;
}

/** Counters since the resolver was made, for benchmarks and health pages. */
export interface ResolverStats {
  /** Calls to `lookup`. */
  lookups: number;
  /** Lookups answered from the cache. */
  cacheHits: number;
  /** Queries sent to upstreams, each failover attempt included. */
  upstreamQueries: number;
}

export interface DnsResolver {
  /** Never rejects: every failure is a `dns_error` outcome. */
  lookup<T extends QueryType>(name: string, type: T): Promise<LookupOutcome<T>>;
  stats(): ResolverStats;
}

/**
 * A caching DNS-over-HTTPS resolver. Identical lookups in flight at the same time share one
 * query; answers (positive and negative) are cached for their TTL within `ttlBounds`; an
 * upstream that times out, cannot be reached, answers garbage or SERVFAILs hands the query to
 * the next; `dns_error` only when none gives an answer.
 *
 * @example
 * const resolver = createDohResolver({ upstreams: ["https://cloudflare-dns.com/dns-query"] });
 * await resolver.lookup("example.com", "MX"); // { kind: "records", records: [{ type: "MX", … }], ttl: 300 }
 * resolver.stats().upstreamQueries; // 1
 */
export function createDohResolver(options: DohResolverOptions): DnsResolver {
  const { upstreams, timeoutMs = 2000, cache = createMemoryCache(), ttlBounds = DEFAULT_TTL_BOUNDS } = options;
  const exchange = createDohExchange(timeoutMs);
  const coalesce = createCoalescer<LookupOutcome>();
  const stats: ResolverStats = { lookups: 0, cacheHits: 0, upstreamQueries: 0 };

  async function askUpstreams(name: string, type: QueryType): Promise<LookupOutcome> {
    const query = encodeQuery(name, type);
    if (query === undefined) return { kind: "dns_error", detail: `not a DNS name: ${JSON.stringify(name)}` };
    const failures: string[] = [];
    for (const upstream of upstreams) {
      stats.upstreamQueries++;
      const result = await exchange(upstream, query, { name, code: QUERY_TYPES[type] });
      if (result.ok) return boundTtl(interpretAnswer(result.message, name, type), ttlBounds);
      failures.push(`${hostOf(upstream)}: ${result.detail}`);
    }
    return { kind: "dns_error", detail: failures.join("; ") || "no DoH upstream configured" };
  }

  async function resolve(key: string, name: string, type: QueryType): Promise<LookupOutcome> {
    const cached = await quietly(() => cache.get(key));
    if (cached !== undefined) {
      stats.cacheHits++;
      return cached;
    }
    const outcome = await askUpstreams(name, type);
    if (outcome.kind !== "dns_error") await quietly(() => cache.put(key, outcome satisfies CacheableOutcome));
    return outcome;
  }

  return {
    lookup<T extends QueryType>(name: string, type: T) {
      stats.lookups++;
      const canonical = canonicalName(name);
      const key = `${type} ${canonical}`;
      return coalesce(key, () => resolve(key, canonical, type)) as Promise<LookupOutcome<T>>;
    },
    stats: () => ({ ...stats }),
  };
}

/** A cache that fails is a miss, not an error. */
async function quietly<T>(operation: () => Promise<T>): Promise<T | undefined> {
  try {
    return await operation();
  } catch {
    return undefined;
  }
}

/** Only the host goes into error details: an upstream URL may carry an account token. */
function hostOf(upstream: string): string {
  return URL.canParse(upstream) ? new URL(upstream).host : "invalid upstream URL";
}
