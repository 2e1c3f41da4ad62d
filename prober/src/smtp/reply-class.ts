import type { Reason } from "../../../shared/contract/taxonomy";

/**
 * The SMTP command a reply answers. `connect` is the greeting; `data` marks texts that arrive
 * only after DATA or in a later bounce, which a prober never sees but bounce feedback does.
 */
export type SmtpStage = "connect" | "ehlo" | "mail" | "rcpt" | "data";

/** The stages whose replies can judge a recipient. */
export const RECIPIENT_STAGES: readonly SmtpStage[] = ["rcpt", "data"];

/**
 * What a reply means for the address being probed: the classes of the reply corpus in
 * `test/fixtures/smtp-replies`, finer than the contract's reasons so callers can act on them
 * (retry alone, retry after a delay, try the next MX host).
 */
export const REPLY_CLASSES = [
  "accepted",
  "mailbox_not_found",
  "mailbox_disabled",
  "mailbox_full",
  "exists_but_throttled",
  "greylisted",
  "rate_limited",
  "blocked",
  "relay_denied",
  "too_many_recipients",
  "temporary_failure",
] as const;

export type ReplyClass = (typeof REPLY_CLASSES)[number];

/**
 * The contract's reason for each class. Two departures from a name-for-name mapping:
 * `exists_but_throttled` is `accepted`, because only an existing mailbox can have a per-user
 * receiving rate (the contract says so of Gmail's 4.2.1/5.2.1 "receiving mail at a rate");
 * `relay_denied` is `blocked`, because it is the host's relay policy refusing our transaction
 * (RFC 3463 X.7.1 "delivery not authorized") and says nothing about the mailbox. The class
 * stays in the result, so the MX walk can still tell a stale MX host from a block of our IP.
 */
const REASON_BY_CLASS: Readonly<Record<ReplyClass, Reason>> = {
  accepted: "accepted",
  mailbox_not_found: "mailbox_not_found",
  mailbox_disabled: "mailbox_disabled",
  mailbox_full: "mailbox_full",
  exists_but_throttled: "accepted",
  greylisted: "greylisted",
  rate_limited: "deferred",
  blocked: "blocked",
  relay_denied: "blocked",
  too_many_recipients: "deferred",
  temporary_failure: "deferred",
};

/**
 * The contract's reason for a reply class.
 *
 * @example
 * reasonOf("exists_but_throttled"); // "accepted"
 */
export function reasonOf(replyClass: ReplyClass): Reason {
  return REASON_BY_CLASS[replyClass];
}
