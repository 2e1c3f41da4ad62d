import type { DoctorReport } from "../../../shared/contract/doctor";
import type { ProberFinding } from "../../../shared/contract/probers";

/** What the review knows of one prober: its last doctor report's findings, and the domains blocking it. */
export interface ProberEvidence {
  /** Degraded findings of the last doctor report (none when there is no report). */
  reportFindings: readonly ProberFinding["code"][];
  /** Each domain whose server last sent this prober a block reply, and when (epoch ms). */
  blocks: ReadonlyMap<string, number>;
}

/** How many distinct domains within how long a window make block replies a finding. */
export interface BlockPolicy {
  windowSeconds: number;
  domains: number;
}

/**
 * The doctor checks whose failure degrades a prober, and the finding each gives. The prober's
 * own `block-replies` check fails when several providers blocked it within its hour, which
 * counts every edge's traffic, not only this one's.
 */
const DEGRADING_CHECKS: Readonly<Record<string, ProberFinding["code"]>> = {
  blocklists: "listed",
  ptr: "reverse_dns",
  helo: "helo",
  "block-replies": "block_replies",
};

const FINDING_TEXT: Record<ProberFinding["code"], string> = {
  listed: "its doctor report finds its IP on a block list",
  reverse_dns: "its doctor report finds its reverse DNS (PTR) wrong",
  helo: "its doctor report finds its HELO name wrong",
  block_replies: "servers at several unrelated domains answered it with block replies",
};

/**
 * The degraded findings of a doctor report: a block list that lists the prober, a PTR or a HELO
 * name that fails its check, block replies from several providers. `unknown` (could not ask) and `warn` are never findings: a resolver
 * that refuses a DNSBL query says nothing of the prober.
 *
 * @example
 * findingsOfReport(report); // ["listed"] when its `blocklists` check failed
 */
export function findingsOfReport(report: Pick<DoctorReport, "checks">): ProberFinding["code"][] {
  const found = report.checks.flatMap((check) => (check.status === "fail" && DEGRADING_CHECKS[check.id] ? [DEGRADING_CHECKS[check.id]!] : []));
  return [...new Set(found)];
}

/** The domains that blocked the prober within the window ending `now`. */
export function recentBlockDomains(blocks: ReadonlyMap<string, number>, policy: BlockPolicy, now: number): number {
  const since = now - policy.windowSeconds * 1000;
  let count = 0;
  for (const at of blocks.values()) if (at > since) count++;
  return count;
}

/**
 * Whether a prober is degraded, and why: its last doctor report's findings, and block replies
 * from at least `policy.domains` distinct domains within the window (one domain blocking it is
 * that domain's policy; several unrelated ones are the prober's name).
 *
 * @example
 * judgeProber({ reportFindings: [], blocks: new Map([["a.example", now], ["b.example", now]]) }, { windowSeconds: 3600, domains: 2 }, now);
 * // { health: "degraded", findings: [{ code: "block_replies", message: "…" }] }
 */
export function judgeProber(evidence: ProberEvidence, policy: BlockPolicy, now: number): { health: "healthy" | "degraded"; findings: ProberFinding[] } {
  const codes = new Set(evidence.reportFindings);
  if (recentBlockDomains(evidence.blocks, policy, now) >= policy.domains) codes.add("block_replies");
  const findings = [...codes].map((code) => ({ code, message: FINDING_TEXT[code] }));
  return { health: findings.length > 0 ? "degraded" : "healthy", findings };
}
