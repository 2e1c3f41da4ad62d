/**
 * The result taxonomy of the contract: four verdicts, and the reasons that can decide each.
 * A reason belongs to exactly one verdict, so a result names one reason and its verdict follows.
 */
export const REASONS_BY_VERDICT = {
  deliverable: ["accepted"],
  undeliverable: ["invalid_syntax", "invalid_domain", "no_mail_server", "mailbox_not_found", "mailbox_disabled", "bounced", "complained"],
  risky: ["disposable", "mailbox_full", "catch_all"],
  unknown: ["greylisted", "deferred", "blocked", "timeout", "no_connect", "dns_error", "smtp_skipped", "unsupported", "error"],
} as const;

export type Verdict = keyof typeof REASONS_BY_VERDICT;
export type Reason = (typeof REASONS_BY_VERDICT)[Verdict][number];

/** The verdicts in the contract's order of precedence: the first that holds wins. */
export const VERDICT_PRECEDENCE: readonly Verdict[] = ["undeliverable", "risky", "deliverable", "unknown"];

export const VERDICTS = ["deliverable", "undeliverable", "risky", "unknown"] as const satisfies readonly Verdict[];

export const REASONS: readonly Reason[] = VERDICTS.flatMap((verdict) => REASONS_BY_VERDICT[verdict]);

const verdictByReason = new Map<Reason, Verdict>(VERDICTS.flatMap((verdict) => REASONS_BY_VERDICT[verdict].map((reason) => [reason, verdict] as const)));

/**
 * The verdict a reason decides.
 *
 * @example
 * verdictOf("mailbox_full"); // "risky"
 */
export function verdictOf(reason: Reason): Verdict {
  return verdictByReason.get(reason)!;
}

/**
 * Picks the deciding reason among several facts that hold at once, by the contract's
 * precedence: undeliverable first, then risky, then deliverable, then unknown. Among reasons
 * of one verdict the first given wins, so callers list facts in the order they were learned.
 *
 * @example
 * decide(["smtp_skipped", "disposable"]); // "disposable"
 */
export function decide(reasons: readonly Reason[]): Reason | undefined {
  for (const verdict of VERDICT_PRECEDENCE) {
    const found = reasons.find((reason) => verdictOf(reason) === verdict);
    if (found) return found;
  }
  return undefined;
}

/** A bulk job's states, as `GET /v1/jobs/{id}` names them. */
export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatusName = (typeof JOB_STATUSES)[number];
