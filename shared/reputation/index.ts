/**
 * Reputation knowledge for Mailvet, shared by the edge (the sender's review, GET /v1/reputation)
 * and the prober (its doctor): IP and domain block lists read with RFC 5782's care, an SPF
 * evaluator, a DMARC parser, and the review of a sending domain and its IPs in plain findings.
 * Runs in workerd and in Node; DNS goes through the resolver handed in.
 *
 * @example
 * const resolver = createDohResolver({ upstreams });
 * await checkIpBlocklists("192.0.2.11", resolver); // [{ list: "spamhaus-zen", status: "listed", … }, …]
 * await evaluateSpf({ ip: "192.0.2.10", domain: "example.com" }, resolver); // { result: "pass", … }
 */
export { checkDomainBlocklists } from "./check-domain-blocklists";
export { type BlocklistOptions, checkIpBlocklists } from "./check-ip-blocklists";
export { dnsblQueryName, ipFamily } from "./dnsbl-query-name";
export { DOMAIN_BLOCKLISTS, type DomainBlocklist } from "./domain-blocklists";
export { IP_BLOCKLISTS, type IpBlocklist } from "./ip-blocklists";
export { type CodeReading, type ListCheck, type ListStatus, readListAnswer } from "./list-check";
export type { ReputationResolver } from "./resolver";
export { evaluateSpf, SPF_LIMITS, type SpfEvaluation, type SpfQuery, type SpfResult } from "./spf/evaluate-spf";
export { fetchSpfRecord, type SpfFetch } from "./spf/fetch-spf";
export { isSpfRecord, parseSpfRecord, type SpfMechanism, type SpfParse, type SpfRecord } from "./spf/parse-spf";
export { type DmarcFetch, fetchDmarcRecord } from "./dmarc/fetch-dmarc";
export { type DmarcParse, type DmarcPolicy, type DmarcRecord, parseDmarcRecord } from "./dmarc/parse-dmarc";
export { type ReputationRequest, reviewReputation } from "./review/review-reputation";
export { type FindingChange, findingChanges, findingStates } from "./review/finding-changes";
