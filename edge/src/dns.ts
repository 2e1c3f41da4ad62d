import { createCacheApiStore, createDohResolver, type DnsResolver } from "../../shared/dns";

const resolvers = new Map<string, DnsResolver>();

/**
 * The isolate's DoH resolver for a list of upstreams, backed by the Cache API. One per isolate
 * (per upstream list), so concurrent requests for the same domain share one lookup in flight.
 *
 * @example
 * const facts = await resolveMailDomain(edgeResolver(settings.dohUrls), "gmail.com");
 */
export function edgeResolver(upstreams: readonly string[]): DnsResolver {
  const key = upstreams.join(",");
  let resolver = resolvers.get(key);
  if (!resolver) {
    resolver = createDohResolver({ upstreams, cache: createCacheApiStore(caches.default) });
    resolvers.set(key, resolver);
  }
  return resolver;
}
