/**
 * What a bounce says about one recipient, whichever way it arrived (an ESP's webhook, a DSN by
 * e-mail, an uploaded file). Every input is turned into these records; the suppression list
 * keeps them per owner, and verification reads them back.
 */

/** Hard: the address will not work. Soft: it may work later. Complaint: the recipient asked not to be mailed. */
export type BounceKind = "hard" | "soft" | "complaint";

/** Why, in one word, from the bounce classifier's table (`shared/bounces/classify.ts`). */
export type BounceReason =
  // hard: the address itself is wrong
  | "user_unknown"
  | "host_unknown"
  | "mailbox_moved"
  | "mailbox_disabled"
  | "invalid_address"
  // soft: the address may work later, or the refusal was about the sender
  | "mailbox_full"
  | "greylisted"
  | "rate_limited"
  | "policy_block"
  | "spam_block"
  | "content_rejected"
  | "message_too_large"
  | "temporary_failure"
  | "unclassified"
  // complaint
  | "complaint";

/** Where a bounce came from. */
export type BounceSource = "ses" | "sendgrid" | "mailgun" | "postmark" | "resend" | "email" | "csv" | "mbox";

/** One bounced (or complaining) recipient. */
export interface Bounce {
  /** The recipient as the bounce names it (not yet normalised). */
  recipient: string;
  kind: BounceKind;
  reason: BounceReason;
  /** The enhanced status code (`5.1.1`), when the bounce gives or implies one. */
  status: string | null;
  /** The remote server's text or the ESP's diagnostic, cut to DIAGNOSTIC_MAX_CHARS. */
  diagnostic: string | null;
  source: BounceSource;
  /** When the bounce happened (ISO 8601), or when it arrived when it does not say. */
  at: string;
}

/** A diagnostic longer than this is cut: it is kept to explain, not to archive. */
export const DIAGNOSTIC_MAX_CHARS = 300;
