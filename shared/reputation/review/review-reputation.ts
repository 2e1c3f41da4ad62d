import type { ReputationFinding, ReputationReview } from "../../contract/reputation";
import { checkDomainBlocklists } from "../check-domain-blocklists";
import { type BlocklistOptions, checkIpBlocklists } from "../check-ip-blocklists";
import type { ReputationResolver } from "../resolver";
import { domainRecords } from "./domain-records";
import { listFinding } from "./list-findings";

/** What to review: a sending domain, its sending IPs, or both (at least one). */
export interface ReputationRequest {
  /** Lower-case A-label form, no trailing dot. */
  domain: string | null;
  ips: readonly string[];
}

const SEVERITY = { pass: 0, unknown: 1, warn: 2, fail: 3 } as const;

/**
 * Reviews a sender's reputation: each IP on the IP block lists, the domain on the domain block
 * lists, and its SPF, DMARC and MX records (present, valid, not contradicting each other, SPF
 * authorising each IP). Every finding says in plain words what was found and what to fix.
 *
 * @example
 * const review = await reviewReputation({ domain: "example.com", ips: ["192.0.2.10"] }, resolver);
 * review.status; // "warn"
 * review.findings.map((finding) => finding.id); // ["blocklists:192.0.2.10", "domain-blocklists", "mx", "spf-record", "spf:192.0.2.10", "dmarc"]
 */
export async function reviewReputation(
  request: ReputationRequest,
  resolver: ReputationResolver,
  options: BlocklistOptions & { now?: Date } = {},
): Promise<ReputationReview> {
  const { domain, ips } = request;
  const [ipLists, domainLists, records] = await Promise.all([
    Promise.all(ips.map((ip) => checkIpBlocklists(ip, resolver, options))),
    domain === null ? [] : checkDomainBlocklists(domain, resolver, options),
    domain === null ? null : domainRecords(domain, ips, resolver),
  ]);
  const findings: ReputationFinding[] = [
    ...ips.map((ip, index) => listFinding(`blocklists:${ip}`, ip, ipLists[index]!)),
    ...(domain === null ? [] : [listFinding("domain-blocklists", domain, domainLists)]),
    ...(records?.findings ?? []),
  ];
  const status = findings.reduce<ReputationFinding["status"]>(
    (worst, finding) => (SEVERITY[finding.status] > SEVERITY[worst] ? finding.status : worst),
    "pass",
  );
  return {
    domain,
    ips: [...ips],
    at: (options.now ?? new Date()).toISOString(),
    status,
    findings,
    ip_lists: ipLists.flat(),
    domain_lists: domainLists,
    spf: records?.spf ?? null,
    dmarc: records?.dmarc ?? null,
    mx: records?.mx ?? null,
  };
}
