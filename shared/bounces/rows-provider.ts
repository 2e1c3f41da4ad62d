import type { BounceRow } from "./bounce-row";

/**
 * Rows for what an ESP says of a bounce beyond the SMTP reply. Only verdicts the ESP is sure of
 * are taken: "transient" and "temporary" are soft, SES's `NoEmail` and `Suppressed` (an address
 * that bounced as invalid before) are hard. SES's `General` permanent bounce says nothing of its
 * own: the diagnostic decides it through the other rows.
 */

export const sesTransientFull: BounceRow = {
  name: "ses-transient-mailbox-full",
  kind: "soft",
  reason: "mailbox_full",
  hint: { provider: "ses", type: /^transient$/i, subType: /^mailboxfull$/i },
  example: { hint: { provider: "ses", type: "Transient", subType: "MailboxFull" } },
};

export const sesTooLarge: BounceRow = {
  name: "ses-message-too-large",
  kind: "soft",
  reason: "message_too_large",
  hint: { provider: "ses", subType: /^messagetoolarge$/i },
  example: { hint: { provider: "ses", type: "Transient", subType: "MessageTooLarge" } },
};

export const sesContentRejected: BounceRow = {
  name: "ses-content-rejected",
  kind: "soft",
  reason: "content_rejected",
  hint: { provider: "ses", subType: /^(?:contentrejected|attachmentrejected)$/i },
  example: { hint: { provider: "ses", type: "Transient", subType: "ContentRejected" } },
};

export const sesNoEmail: BounceRow = {
  name: "ses-no-email",
  kind: "hard",
  reason: "user_unknown",
  permanence: "permanent",
  hint: { provider: "ses", type: /^permanent$/i, subType: /^(?:noemail|suppressed)$/i },
  example: { hint: { provider: "ses", type: "Permanent", subType: "NoEmail" } },
};

export const sesUndetermined: BounceRow = {
  name: "ses-undetermined",
  kind: "soft",
  reason: "unclassified",
  hint: { provider: "ses", type: /^undetermined$/i },
  example: { hint: { provider: "ses", type: "Undetermined", subType: "Undetermined" } },
};

/** SendGrid's `blocked` event and Postmark's soft types name a refusal that was not about the address. */
export const espBlocked: BounceRow = {
  name: "esp-blocked",
  kind: "soft",
  reason: "policy_block",
  hint: { provider: "sendgrid", type: /^blocked$/i },
  example: { hint: { provider: "sendgrid", type: "blocked" }, text: "550 Message rejected" },
};

export const postmarkSoft: BounceRow = {
  name: "postmark-soft",
  kind: "soft",
  reason: "temporary_failure",
  hint: { provider: "postmark", type: /^(?:softbounce|transient|dnserror|blocked|smtpapierror|dmarcpolicy)$/i },
  example: { hint: { provider: "postmark", type: "SoftBounce" }, text: "550 Service unavailable" },
};
