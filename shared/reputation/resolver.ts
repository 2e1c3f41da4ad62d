import type { DnsResolver } from "../dns";

/**
 * The one thing the reputation checks need from DNS: a lookup that never rejects. The edge hands
 * in its DoH client (shared/dns `createDohResolver`); the prober hands in its own resolver, the
 * one the operator names, because the block lists refuse public resolvers.
 *
 * @example
 * const resolver: ReputationResolver = createDohResolver({ upstreams: ["https://dns.example/dns-query"] });
 */
export type ReputationResolver = Pick<DnsResolver, "lookup">;
