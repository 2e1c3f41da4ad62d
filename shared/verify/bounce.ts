import type { ResultBounce, VerifyResult } from "../contract/schemas";

/** What verification needs of a suppression list entry (edge/src/suppressions/store.ts's Suppression). */
export interface ListedBounce {
  kind: "hard" | "soft" | "complaint";
  reason: string;
  status: string | null;
  source: string;
  /** The latest bounce, ISO 8601. */
  last_seen: string;
}

const HOUR_S = 3600;

/**
 * How long after a soft bounce another send is worth trying, by its reason: greylisting clears in
 * minutes, a rate limit within the hour, a full mailbox or a policy block not before its owner or
 * the sender acts (a day). Anything else soft: four hours.
 */
const SOFT_WAIT_S: Record<string, number> = {
  greylisted: HOUR_S / 4,
  rate_limited: HOUR_S,
  temporary_failure: 4 * HOUR_S,
  mailbox_full: 24 * HOUR_S,
  policy_block: 24 * HOUR_S,
  spam_block: 24 * HOUR_S,
  content_rejected: 24 * HOUR_S,
  message_too_large: 24 * HOUR_S,
};
const DEFAULT_SOFT_WAIT_S = 4 * HOUR_S;

/**
 * Whether an entry decides the verdict by itself (a hard bounce, a complaint), so the mail server
 * need not be asked.
 *
 * @example
 * decidesVerdict({ kind: "soft", … }); // false
 */
export function decidesVerdict(entry: ListedBounce | undefined): boolean {
  return entry !== undefined && entry.kind !== "soft";
}

/**
 * A result as the caller's suppression list amends it: a hard bounce makes it
 * undeliverable/bounced and a complaint undeliverable/complained (score 0); a soft bounce only adds
 * the `bounce` block, with `retry_after`. Without an entry, `bounce` is null.
 *
 * @example
 * applyBounce(result, { kind: "hard", reason: "user_unknown", status: "5.1.1", source: "ses", last_seen }).reason; // "bounced"
 */
export function applyBounce(result: VerifyResult, entry: ListedBounce | undefined): VerifyResult {
  if (entry === undefined) return { ...result, bounce: null };
  const retryAfter =
    entry.kind === "soft" ? new Date(Date.parse(entry.last_seen) + (SOFT_WAIT_S[entry.reason] ?? DEFAULT_SOFT_WAIT_S) * 1000).toISOString() : null;
  const bounce: ResultBounce = {
    kind: entry.kind,
    reason: entry.reason,
    status: entry.status,
    at: entry.last_seen,
    source: entry.source,
    retry_after: retryAfter,
  };
  if (entry.kind === "soft") return { ...result, bounce };
  return { ...result, verdict: "undeliverable", reason: entry.kind === "hard" ? "bounced" : "complained", score: 0, bounce };
}
