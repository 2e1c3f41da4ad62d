import type { ReputationFinding, ReputationReview } from "../../contract/reputation";
import { type MailDomainFacts, resolveMailDomain } from "../../dns";
import { fetchDmarcRecord } from "../dmarc/fetch-dmarc";
import { parseDmarcRecord } from "../dmarc/parse-dmarc";
import type { ReputationResolver } from "../resolver";
import { evaluateSpf } from "../spf/evaluate-spf";
import { fetchSpfRecord } from "../spf/fetch-spf";
import { consistencyFindings } from "./consistency-findings";
import { dmarcFinding } from "./dmarc-finding";
import { mxFinding } from "./mx-finding";
import { NO_ONES_ADDRESS, spfIpFinding, spfRecordFinding } from "./spf-findings";

/**
 * The domain half of the review: MX, the SPF record (walked in full for an address no record
 * names, so every lookup is counted) and each IP's SPF result, DMARC, and where DMARC reports go.
 *
 * @example
 * const { findings, spf, dmarc, mx } = await domainRecords("example.com", ["192.0.2.10"], resolver);
 */
export async function domainRecords(
  domain: string,
  ips: readonly string[],
  resolver: ReputationResolver,
): Promise<Pick<ReputationReview, "spf" | "dmarc" | "mx"> & { findings: ReputationFinding[] }> {
  const [mx, spfFetch, walk, perIp, dmarcFetch] = await Promise.all([
    resolveMailDomain(resolver, domain),
    fetchSpfRecord(domain, resolver),
    evaluateSpf({ ip: NO_ONES_ADDRESS, domain }, resolver),
    Promise.all(ips.map(async (ip) => ({ ...(await evaluateSpf({ ip, domain }, resolver)), ip }))),
    fetchDmarcRecord(domain, resolver),
  ]);
  const dmarcParse = dmarcFetch.kind === "record" ? parseDmarcRecord(dmarcFetch.text) : null;
  const dmarc = dmarcParse?.ok ? dmarcParse.record : null;
  const reportDomains = await mailFactsOf(
    [...(dmarc?.rua ?? [])].map((uri) =>
      uri
        .slice(uri.lastIndexOf("@") + 1)
        .replace(/!.*$/, "")
        .toLowerCase(),
    ),
    domain,
    mx,
    resolver,
  );
  return {
    findings: [
      mxFinding(domain, mx),
      spfRecordFinding(domain, spfFetch, walk),
      ...perIp.map((evaluation) => spfIpFinding(domain, evaluation)),
      dmarcFinding(domain, dmarcFetch, dmarcParse),
      ...consistencyFindings({ domain, spf: walk, dmarc, reportDomains }),
    ],
    spf: { record: walk.record, results: perIp.map(({ ip, result, matched }) => ({ ip, result, matched })) },
    dmarc: { record: dmarcFetch.kind === "record" ? dmarcFetch.text : null, policy: dmarc?.p ?? null },
    mx: { kind: mx.kind, hosts: "mx" in mx ? mx.mx.map((host) => host.host) : [] },
  };
}

/** The mail facts of each report domain, reusing the reviewed domain's own. */
async function mailFactsOf(domains: string[], domain: string, own: MailDomainFacts, resolver: ReputationResolver): Promise<Map<string, MailDomainFacts>> {
  const unique = [...new Set(domains)];
  const facts = await Promise.all(unique.map((name) => (name === domain ? own : resolveMailDomain(resolver, name))));
  return new Map(unique.map((name, index) => [name, facts[index]!]));
}
