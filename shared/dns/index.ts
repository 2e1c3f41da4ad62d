/**
 * DNS for Mailvet: one RFC 8484 DoH client for the edge (workerd) and the prober (Node), and
 * the mail facts of a domain that the verdicts are decided from.
 *
 * @example
 * const resolver = createDohResolver({ upstreams, cache: createCacheApiStore(caches.default) });
 * const facts = await resolveMailDomain(resolver, "example.com");
 * mailDomainReason(facts); // null, "invalid_domain", "no_mail_server" or "dns_error"
 */
export type { AnswerCache } from "./answer-cache";
export { createCacheApiStore, type CacheApiStoreOptions, type WebCache } from "./cache-api-store";
export { createDohResolver, type DnsResolver, type DohResolverOptions, type ResolverStats } from "./doh-resolver";
export type { CacheableOutcome, LookupOutcome } from "./lookup-outcome";
export { mailDomainReason, resolveMailDomain, type MailDomainFacts, type MxHost } from "./mail-domain";
export { createMemoryCache, type MemoryCacheOptions } from "./memory-cache";
export type { AnswerRecord, QueryType } from "./message";
export { DEFAULT_TTL_BOUNDS, type TtlBounds, type TtlRange } from "./ttl-bounds";
