import type { ReputationFinding } from "../../contract/reputation";
import type { MailDomainFacts } from "../../dns";
import type { DmarcRecord } from "../dmarc/parse-dmarc";
import type { SpfEvaluation } from "../spf/evaluate-spf";

/** What the records say, for the checks that look at two of them together. */
export interface RecordsTogether {
  domain: string;
  spf: SpfEvaluation;
  dmarc: DmarcRecord | null;
  /** The mail facts of each domain that DMARC reports go to. */
  reportDomains: Map<string, MailDomainFacts>;
}

/**
 * Contradictions between SPF, DMARC and MX: a DMARC policy that asks receivers to refuse mail
 * while SPF can never pass, and DMARC reports sent to a domain that takes no mail.
 *
 * @example
 * consistencyFindings({ domain, spf, dmarc, reportDomains }); // [] when the records agree
 */
export function consistencyFindings({ domain, spf, dmarc, reportDomains }: RecordsTogether): ReputationFinding[] {
  const findings: ReputationFinding[] = [];
  const spfBroken = spf.result === "none" || spf.result === "permerror";
  if (dmarc !== null && dmarc.p !== "none" && spfBroken) {
    findings.push({
      id: "spf-dmarc",
      status: "warn",
      summary: `${domain}'s DMARC policy p=${dmarc.p} asks receivers to refuse mail that fails, but SPF can never pass for ${domain}: every message depends on DKIM alone.`,
      fix: `Publish one valid SPF record for ${domain}.`,
    });
  }
  for (const [reportDomain, facts] of reportDomains) {
    if (facts.kind === "mx" || facts.kind === "implicit" || facts.kind === "dns_error") continue;
    findings.push({
      id: `dmarc-reports:${reportDomain}`,
      status: "warn",
      summary: `${domain}'s DMARC reports go to ${reportDomain}, which takes no mail: the reports are lost.`,
      fix: `Send rua= to an address at a domain with a working MX.`,
    });
  }
  return findings;
}
