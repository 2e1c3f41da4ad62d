import type { DnsResolver, LookupOutcome, QueryType } from "../../../../shared/dns";
import { canonicalName } from "../../../../shared/dns/wire-name";
import { ipBytes } from "../../../../shared/net/ip-bytes";

/** A host's addresses (v4 and v6 mixed), or how its lookups fail. */
export type FakeHost = readonly string[] | "dns_error" | "nxdomain" | "hang";

/**
 * A resolver that answers from a table instead of DNS, so tests can give MX hosts any name
 * (a Microsoft or Yahoo one) and any address. Names not in the table are NXDOMAIN; `hang`
 * never answers; `lookups` counts the questions asked.
 *
 * @example
 * const resolver = fakeResolver({ "mx1.example.org": ["127.0.0.1", "::1"], "mx2.example.org": "dns_error" });
 */
export function fakeResolver(hosts: Record<string, FakeHost>): Pick<DnsResolver, "lookup"> & { readonly lookups: string[] } {
  const lookups: string[] = [];
  return {
    lookups,
    lookup<T extends QueryType>(name: string, type: T): Promise<LookupOutcome<T>> {
      lookups.push(`${type} ${canonicalName(name)}`);
      const host = hosts[canonicalName(name)] ?? "nxdomain";
      if (host === "hang") return new Promise(() => {});
      if (host === "dns_error") return Promise.resolve({ kind: "dns_error", detail: "SERVFAIL from the fake" });
      if (host === "nxdomain") return Promise.resolve({ kind: "nxdomain", ttl: 60 });
      const wanted = host.filter((address) => ipBytes(address)?.length === (type === "A" ? 4 : 16));
      const records = wanted.map((address) => ({ type, address }));
      return Promise.resolve((records.length > 0 ? { kind: "records", records, ttl: 60 } : { kind: "nodata", ttl: 60 }) as LookupOutcome<T>);
    },
  };
}
