import type { ReputationFinding, ReputationReview } from "../shared/contract/reputation";
import type { Verdict } from "../shared/contract/taxonomy";
import { type Paint, printable } from "./paint";

/** A finding's status in the verdict colours: pass green, warn yellow, fail red, unknown cyan. */
const COLOUR: Record<ReputationFinding["status"], Verdict> = { pass: "deliverable", warn: "risky", fail: "undeliverable", unknown: "unknown" };

/**
 * A reputation review for a person: what was reviewed and its overall status, then each finding
 * with its status, what was found and, when it is not passing, what to do.
 *
 * @example
 * formatReview(review, plain);
 * // "example.com, 192.0.2.10: FAIL\n  FAIL     spf:192.0.2.10\n           192.0.2.10 is not authorised …\n           fix: Add ip4:192.0.2.10 …"
 */
export function formatReview(review: ReputationReview, paint: Paint): string {
  const subject = [review.domain, ...review.ips].filter(Boolean).join(", ");
  const lines = [`${subject}: ${paint(COLOUR[review.status], review.status.toUpperCase())}`];
  for (const finding of review.findings) {
    lines.push(`  ${paint(COLOUR[finding.status], finding.status.toUpperCase().padEnd(8))} ${printable(finding.id)}`);
    lines.push(`           ${printable(finding.summary)}`);
    if (finding.fix) lines.push(`           fix: ${printable(finding.fix)}`);
  }
  return lines.join("\n");
}
