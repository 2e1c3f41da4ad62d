import { type Bounce, type BounceSource, DIAGNOSTIC_MAX_CHARS } from "./bounce";
import { type BounceInput, classifyBounce } from "./classify";

/**
 * The record of one bounced recipient: classified by the table, its diagnostic cut short.
 *
 * @example
 * bounceRecord("a@example.org", { status: "5.1.1", text: "550 5.1.1 User unknown" }, "email", "2026-01-01T00:00:00.000Z").kind; // "hard"
 */
export function bounceRecord(recipient: string, input: BounceInput, source: BounceSource, at: string): Bounce {
  const { kind, reason, status } = classifyBounce(input);
  const text = input.text?.replace(/\s+/g, " ").trim();
  return {
    recipient,
    kind,
    reason,
    status,
    diagnostic: text ? text.slice(0, DIAGNOSTIC_MAX_CHARS) : null,
    source,
    at,
  };
}

/**
 * An ISO 8601 time from a header-style date, or the fallback when it does not parse.
 *
 * @example
 * isoTime("Thu, 1 Jan 2026 10:00:00 +0000", new Date(0)); // "2026-01-01T10:00:00.000Z"
 */
export function isoTime(value: string | null | undefined, fallback: Date): string {
  const parsed = value ? Date.parse(value) : Number.NaN;
  return Number.isFinite(parsed) ? new Date(parsed).toISOString() : fallback.toISOString();
}

/**
 * The record of one complained-about recipient.
 *
 * @example
 * complaintRecord("a@example.org", "abuse", "2026-01-01T00:00:00.000Z").kind; // "complaint"
 */
export function complaintRecord(recipient: string, feedbackType: string | null, at: string): Bounce {
  return { recipient, kind: "complaint", reason: "complaint", status: null, diagnostic: feedbackType, source: "email", at };
}
