import type { ReputationFinding } from "../../contract/reputation";

/** A finding whose status is not what it was: `was` is null for a new finding, `now` null for one gone. */
export interface FindingChange {
  id: string;
  was: ReputationFinding["status"] | null;
  now: ReputationFinding["status"] | null;
  summary: string | null;
  fix: string | null;
}

/** Each finding's status by id: what a schedule keeps of a review to compare the next with. */
export function findingStates(findings: readonly ReputationFinding[]): Record<string, ReputationFinding["status"]> {
  return Object.fromEntries(findings.map((finding) => [finding.id, finding.status]));
}

/**
 * The findings whose status changed since `before` (null: nothing was known, so every finding
 * is new), in the review's order, then the findings that are gone.
 *
 * @example
 * findingChanges({ "blocklists:192.0.2.11": "pass" }, review.findings);
 * // [{ id: "blocklists:192.0.2.11", was: "pass", now: "fail", summary: "192.0.2.11 is listed on …", fix: "…" }]
 */
export function findingChanges(before: Record<string, ReputationFinding["status"]> | null, findings: readonly ReputationFinding[]): FindingChange[] {
  const changed: FindingChange[] = findings
    .filter((finding) => before?.[finding.id] !== finding.status)
    .map(({ id, status, summary, fix }) => ({ id, was: before?.[id] ?? null, now: status, summary, fix }));
  const present = new Set(findings.map((finding) => finding.id));
  const gone = Object.entries(before ?? {})
    .filter(([id]) => !present.has(id))
    .map(([id, was]) => ({ id, was, now: null, summary: null, fix: null }));
  return [...changed, ...gone];
}
