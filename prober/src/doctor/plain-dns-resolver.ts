import { Resolver } from "node:dns/promises";
import type { LookupOutcome } from "../../../shared/dns";
import type { ReputationResolver } from "../../../shared/reputation";

/** How long the operator's resolver gets per try; block lists answer in well under a second. */
const TIMEOUT_MS = 3000;

/** c-ares's codes for "the name does not exist" and "it has no record of this type". */
const NEGATIVE: Record<string, "nxdomain" | "nodata"> = { ENOTFOUND: "nxdomain", ENODATA: "nodata" };

/**
 * A resolver of A records through a plain-DNS server the operator names (MAILVET_BLOCKLIST_RESOLVER),
 * for the block lists: they answer only resolvers of the operator's own, never the public DoH ones
 * the prober uses for everything else. Never rejects; any type but A is a `dns_error`.
 *
 * @example
 * const resolver = createPlainDnsResolver("127.0.0.1:5353");
 * await checkIpBlocklists("192.0.2.25", resolver);
 */
export function createPlainDnsResolver(server: string): ReputationResolver {
  const resolver = new Resolver({ timeout: TIMEOUT_MS, tries: 2 });
  resolver.setServers([server]);
  return {
    async lookup(name, type) {
      if (type !== "A") return { kind: "dns_error", detail: `the block-list resolver asks only A records, not ${type}` };
      try {
        const answers = await resolver.resolve4(name, { ttl: true });
        const outcome: LookupOutcome<"A"> = {
          kind: "records",
          records: answers.map(({ address }) => ({ type: "A", address })),
          ttl: Math.min(...answers.map((answer) => answer.ttl)),
        };
        return outcome as LookupOutcome<typeof type>;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? "";
        const negative = NEGATIVE[code];
        return negative ? { kind: negative, ttl: 0 } : { kind: "dns_error", detail: `${server}: ${code || String(error)}` };
      }
    },
  };
}
