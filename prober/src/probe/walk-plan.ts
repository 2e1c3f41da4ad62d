import type { DnsResolver, MxHost } from "../../../shared/dns";
import { canonicalName } from "../../../shared/dns/wire-name";
import { beforeDeadline } from "./deadline";
import type { EgressPolicy } from "./egress";
import { politenessRuleFor, type PolitenessRule } from "./politeness";

/** One place the MX walk may go: an address of an MX host, or a host not to be probed at all. */
export type WalkStep =
  | { readonly kind: "connect"; readonly host: string; readonly ip: string; readonly rule: PolitenessRule }
  | { readonly kind: "assume_catch_all"; readonly host: string };

/** Why an MX host gave no step: its lookups failed, it has no address, or egress refused them. */
export interface HostProblem {
  readonly host: string;
  readonly kind: "dns_error" | "no_address" | "refused";
  readonly detail: string;
}

export interface WalkPlan {
  readonly steps: readonly WalkStep[];
  readonly problems: readonly HostProblem[];
}

/**
 * MX hosts by preference; hosts of equal preference in random order, as RFC 5321 §5.1 asks,
 * so the load of many probes spreads over them. Each host once, at its best preference.
 *
 * @example
 * orderMxHosts([{ host: "b", preference: 20 }, { host: "a", preference: 10 }]); // a, then b
 */
export function orderMxHosts(mx: readonly MxHost[], random: () => number = Math.random): MxHost[] {
  const best = new Map<string, number>();
  for (const { host, preference } of mx) best.set(canonicalName(host), Math.min(preference, best.get(canonicalName(host)) ?? preference));
  const keyed = [...best].map(([host, preference]) => ({ host, preference, tie: random() }));
  return keyed.sort((a, b) => a.preference - b.preference || a.tie - b.tie).map(({ host, preference }) => ({ host, preference }));
}

/**
 * Plans the MX walk: resolves every MX host's A and AAAA records through the prober's own
 * resolver (the caller's addresses are never trusted) at once, and lists the addresses egress
 * allows, host by host, IPv4 first: a prober's IPv4 address is the one with the reputation
 * and the PTR record that mail servers check; IPv6 is the fallback. An address shared by
 * several hosts is tried once. Hosts whose rule says not to probe are not resolved.
 *
 * @example
 * const plan = await planMxWalk(request.mx, resolver, egress, deadline.signal);
 * plan.steps[0]; // { kind: "connect", host: "mx1.example.org", ip: "192.0.2.7", rule }
 */
export async function planMxWalk(mx: readonly MxHost[], resolver: Pick<DnsResolver, "lookup">, egress: EgressPolicy, signal: AbortSignal): Promise<WalkPlan> {
  const hosts = orderMxHosts(mx);
  const lookups = hosts.map(({ host }) => (politenessRuleFor(host).action === "probe" ? addressesOf(resolver, host, signal) : undefined));
  const steps: WalkStep[] = [];
  const problems: HostProblem[] = [];
  const planned = new Set<string>();
  for (const [index, { host }] of hosts.entries()) {
    const rule = politenessRuleFor(host);
    const addresses = await lookups[index];
    if (addresses === undefined) {
      steps.push({ kind: "assume_catch_all", host });
      continue;
    }
    if (typeof addresses === "string") {
      problems.push({ host, kind: "dns_error", detail: addresses });
      continue;
    }
    if (addresses.length === 0) problems.push({ host, kind: "no_address", detail: "no A or AAAA record" });
    for (const ip of addresses) {
      const refusal = egress.refusal(ip);
      if (refusal !== null) problems.push({ host, kind: "refused", detail: `${ip} is ${refusal}` });
      else if (!planned.has(ip)) steps.push({ kind: "connect", host, ip, rule });
      planned.add(ip);
    }
  }
  return { steps, problems };
}

/** The host's IPv4 then IPv6 addresses, or the resolver's complaint when neither lookup answered. */
async function addressesOf(resolver: Pick<DnsResolver, "lookup">, host: string, signal: AbortSignal): Promise<string[] | string> {
  const outcomes = await beforeDeadline(Promise.all([resolver.lookup(host, "A"), resolver.lookup(host, "AAAA")]), signal);
  if (outcomes === undefined) return "the deadline passed during the lookup";
  const addresses = outcomes.flatMap((outcome) => (outcome.kind === "records" ? outcome.records.map((record) => record.address) : []));
  const failures = outcomes.flatMap((outcome) => (outcome.kind === "dns_error" ? [outcome.detail] : []));
  return addresses.length === 0 && failures.length > 0 ? failures.join("; ") : addresses;
}
