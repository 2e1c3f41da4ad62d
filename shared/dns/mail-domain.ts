import type { Reason } from "../contract/taxonomy";
import type { DnsResolver } from "./doh-resolver";
import { canonicalName } from "./wire-name";

export interface MxHost {
  host: string;
  preference: number;
}

/** What DNS says about where mail for a domain goes. */
export type MailDomainFacts =
  /** MX hosts that resolve, by preference; MX hosts that do not resolve are left out. */
  | { kind: "mx"; mx: MxHost[] }
  /** No MX but an address: the domain is its own mail host (RFC 5321 §5.1). */
  | { kind: "implicit"; host: string; mx: MxHost[] }
  /** `MX 0 .`: the domain says it takes no mail (RFC 7505). */
  | { kind: "null_mx" }
  /** MX records, but not one of their hosts has an address. */
  | { kind: "unresolvable_mx"; hosts: MxHost[] }
  | { kind: "nxdomain" }
  /** Neither MX nor address records. */
  | { kind: "no_mail" }
  /** No usable answer: SERVFAIL, timeouts, every upstream down, garbage. Says nothing of the domain. */
  | { kind: "dns_error"; detail: string };

type HostResolution = "resolves" | "does_not_resolve" | { dnsError: string };

/**
 * The most MX hosts looked up and handed on, the best by preference: a DNS answer may list
 * thousands, and each would cost lookups and could push the probe past what a prober takes.
 * Real domains list a few (Postfix tries 5 addresses at most); past 10 nothing is lost.
 */
export const MAX_MX_HOSTS = 10;

/**
 * Learns where mail for an ASCII (A-label) domain goes: its MX hosts that resolve, or the
 * implicit MX, or why there is none. Only the MAX_MX_HOSTS best hosts (each once, by
 * preference, then name) are looked up, however many the answer lists. A resolver failure never turns into "no mail server":
 * when some MX host could not be looked up and none of the others resolves, the answer is
 * `dns_error`.
 *
 * @example
 * await resolveMailDomain(resolver, "gmail.com");
 * // { kind: "mx", mx: [{ host: "gmail-smtp-in.l.google.com", preference: 5 }, …] }
 */
export async function resolveMailDomain(resolver: Pick<DnsResolver, "lookup">, domain: string): Promise<MailDomainFacts> {
  const name = canonicalName(domain);
  const mx = await resolver.lookup(name, "MX");
  if (mx.kind === "dns_error") return { kind: "dns_error", detail: mx.detail };
  if (mx.kind === "nxdomain") return { kind: "nxdomain" };
  if (mx.kind === "nodata") {
    const self = await resolveHost(resolver, name);
    if (self === "resolves") return { kind: "implicit", host: name, mx: [{ host: name, preference: 0 }] };
    return self === "does_not_resolve" ? { kind: "no_mail" } : { kind: "dns_error", detail: self.dnsError };
  }
  const hosts = uniqueByPreference(mx.records.filter((record) => record.exchange !== "")).slice(0, MAX_MX_HOSTS);
  if (hosts.length === 0) return { kind: "null_mx" };
  const resolutions = await Promise.all(hosts.map((mxHost) => resolveHost(resolver, mxHost.host)));
  const resolvable = hosts.filter((_, index) => resolutions[index] === "resolves");
  if (resolvable.length > 0) return { kind: "mx", mx: resolvable };
  const failure = resolutions.find((resolution) => typeof resolution === "object");
  return failure === undefined ? { kind: "unresolvable_mx", hosts } : { kind: "dns_error", detail: failure.dnsError };
}

/** A host resolves when it has an A or an AAAA record; AAAA is asked only when A gives none. */
async function resolveHost(resolver: Pick<DnsResolver, "lookup">, host: string): Promise<HostResolution> {
  const ipv4 = await resolver.lookup(host, "A");
  if (ipv4.kind === "records") return "resolves";
  if (ipv4.kind === "nxdomain") return "does_not_resolve";
  const ipv6 = await resolver.lookup(host, "AAAA");
  if (ipv6.kind === "records") return "resolves";
  if (ipv4.kind === "dns_error") return { dnsError: ipv4.detail };
  return ipv6.kind === "dns_error" ? { dnsError: ipv6.detail } : "does_not_resolve";
}

/** Each MX host once, at its best preference; by preference, then by name so the order is stable. */
function uniqueByPreference(records: { preference: number; exchange: string }[]): MxHost[] {
  const best = new Map<string, number>();
  for (const { exchange, preference } of records) best.set(exchange, Math.min(preference, best.get(exchange) ?? preference));
  const hosts = [...best].map(([host, preference]) => ({ host, preference }));
  return hosts.sort((a, b) => a.preference - b.preference || (a.host < b.host ? -1 : 1));
}

/**
 * The contract reason DNS decides for an address at the domain, or null when mail can be
 * attempted: NXDOMAIN is `invalid_domain`; null MX, no MX and no address, or MX hosts that
 * do not resolve are `no_mail_server`; a failed lookup is `dns_error` (unknown, never
 * undeliverable).
 *
 * @example
 * mailDomainReason({ kind: "null_mx" }); // "no_mail_server"
 * mailDomainReason({ kind: "mx", mx: [{ host: "mx.example.com", preference: 10 }] }); // null
 */
export function mailDomainReason(facts: MailDomainFacts): Extract<Reason, "invalid_domain" | "no_mail_server" | "dns_error"> | null {
  switch (facts.kind) {
    case "mx":
    case "implicit":
      return null;
    case "nxdomain":
      return "invalid_domain";
    case "null_mx":
    case "unresolvable_mx":
    case "no_mail":
      return "no_mail_server";
    case "dns_error":
      return "dns_error";
  }
}
