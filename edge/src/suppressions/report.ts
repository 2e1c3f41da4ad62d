import type { OutcomeCounts, OutcomeRow } from "./store";

/** Measured outcomes of one group: counts, and the hard-bounce rate (null before anything was verified). */
export interface Outcome extends OutcomeCounts {
  hard_bounce_rate: number | null;
}

/** The report of `GET /v1/suppressions/report`. */
export interface BounceReport {
  by_verdict: Record<string, Outcome>;
  by_reason: Record<string, Outcome>;
  by_score_band: Record<string, Outcome>;
}

const BANDS = ["0-19", "20-39", "40-59", "60-79", "80-100"];

/**
 * Sums outcome rows by verdict, by reason and by score band, each with its hard-bounce rate: of the
 * addresses Mailvet called deliverable, the share that then bounced hard.
 *
 * @example
 * bounceReport([{ verdict: "deliverable", reason: "accepted", band: 4, verified: 200, hard: 1, soft: 0, complaint: 0 }])
 *   .by_verdict.deliverable.hard_bounce_rate; // 0.005
 */
export function bounceReport(rows: readonly OutcomeRow[]): BounceReport {
  const report: BounceReport = { by_verdict: {}, by_reason: {}, by_score_band: {} };
  for (const row of rows) {
    add(report.by_verdict, row.verdict, row);
    add(report.by_reason, row.reason, row);
    add(report.by_score_band, BANDS[row.band] ?? BANDS[0]!, row);
  }
  return report;
}

function add(groups: Record<string, Outcome>, name: string, row: OutcomeCounts): void {
  const group = groups[name] ?? { verified: 0, hard: 0, soft: 0, complaint: 0, hard_bounce_rate: null };
  group.verified += row.verified;
  group.hard += row.hard;
  group.soft += row.soft;
  group.complaint += row.complaint;
  group.hard_bounce_rate = group.verified > 0 ? group.hard / group.verified : null;
  groups[name] = group;
}
