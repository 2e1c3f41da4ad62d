import type { DnsResolver } from "../../../shared/dns";
import type { ProberMetrics } from "./prober-metrics";

/**
 * The resolver with each lookup's time observed in `mailvet_prober_dns_lookup_duration_seconds`,
 * by query type and outcome (`records`, `nodata`, `nxdomain`, `dns_error`; `thrown` for a lookup
 * that failed outright). Answers from the cache are counted too: they are what the probes waited.
 *
 * @example
 * const resolver = timedResolver(createDohResolver({ upstreams, cache }), metrics);
 */
export function timedResolver(resolver: Pick<DnsResolver, "lookup">, metrics: Pick<ProberMetrics, "dnsLookup">): Pick<DnsResolver, "lookup"> {
  return {
    async lookup(name, type) {
      const started = performance.now();
      let outcome = "thrown";
      try {
        const answer = await resolver.lookup(name, type);
        outcome = answer.kind;
        return answer;
      } finally {
        metrics.dnsLookup(type, outcome, (performance.now() - started) / 1000);
      }
    },
  };
}
