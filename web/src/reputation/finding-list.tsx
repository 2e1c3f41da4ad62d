import type { ReputationFinding, ReputationReview } from "../api/client";
import { useI18n } from "../ui/i18n";

/** A finding's status in the verdicts' colours and symbols, so it reads in words and not by colour alone. */
const LOOK: Record<ReputationFinding["status"], { verdict: string; icon: string }> = {
  pass: { verdict: "deliverable", icon: "✓" },
  warn: { verdict: "risky", icon: "!" },
  fail: { verdict: "undeliverable", icon: "✗" },
  unknown: { verdict: "unknown", icon: "?" },
};

/** A finding's status as a badge: symbol and word. */
export function StatusBadge({ status }: { status: ReputationFinding["status"] }) {
  const { t } = useI18n();
  return (
    <span class={`verdict verdict-${LOOK[status].verdict}`} data-status={status}>
      <span class="verdict-icon" aria-hidden="true">
        {LOOK[status].icon}
      </span>
      {t.findingStatus[status]}
    </span>
  );
}

/**
 * The review: its overall status, then each finding with what was found and what to fix. The
 * summaries and fixes come from the API in English.
 */
export function FindingList({ review }: { review: ReputationReview }) {
  const { t } = useI18n();
  const subject = [review.domain, ...review.ips].filter(Boolean).join(", ");
  return (
    <section class="card" aria-labelledby="review-heading" data-testid="review" data-status={review.status}>
      <h2 id="review-heading">
        {subject}: <StatusBadge status={review.status} />
      </h2>
      <ul class="findings">
        {review.findings.map((finding) => (
          <li class="finding" data-testid="finding" data-id={finding.id} data-status={finding.status}>
            <StatusBadge status={finding.status} />
            <span class="finding-id mono">{finding.id}</span>
            <p>{finding.summary}</p>
            {finding.fix && (
              <p class="finding-fix">
                <strong>{t.findingFix}</strong> {finding.fix}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
