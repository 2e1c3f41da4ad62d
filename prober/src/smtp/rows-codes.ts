import { RECIPIENT_STAGES, type SmtpStage } from "./reply-class";
import type { ReplyRow } from "./reply-row";

/**
 * Fallback rows for replies whose text the other rows do not recognise: first by the enhanced
 * code (RFC 3463), then by the basic code and the stage. They end the table, so every reply
 * gets a class.
 */

const SESSION_STAGES: readonly SmtpStage[] = ["connect", "ehlo"];
const ENVELOPE_STAGES: readonly SmtpStage[] = ["mail", "rcpt", "data"];
const NON_RECIPIENT_STAGES: readonly SmtpStage[] = ["connect", "ehlo", "mail"];

export const CODE_ROWS: readonly ReplyRow[] = [
  {
    name: "code-sender-address",
    class: "blocked",
    enhanced: /^[45]\.1\.[78]$/,
    example: { stage: "mail", code: 553, enhanced: "5.1.7", text: "The sender address address is not a valid RFC 5321 address." },
  },
  {
    name: "code-bad-mailbox",
    class: "mailbox_not_found",
    stages: RECIPIENT_STAGES,
    enhanced: /^5\.1\.(?:0|1|3|6|10)$/,
    example: { stage: "rcpt", code: 550, enhanced: "5.1.1", text: "RESOLVER.ADR.ExRecipNotFound; not found" },
  },
  {
    name: "code-bad-destination-system",
    class: "relay_denied",
    stages: RECIPIENT_STAGES,
    enhanced: /^5\.1\.2$/,
    example: { stage: "rcpt", code: 550, enhanced: "5.1.2", text: "Bad destination system address" },
  },
  {
    name: "code-mailbox-disabled",
    class: "mailbox_disabled",
    stages: RECIPIENT_STAGES,
    enhanced: /^5\.2\.1$/,
    example: { stage: "rcpt", code: 550, enhanced: "5.2.1", text: "Mailbox not accepting messages" },
  },
  {
    // RFC 3463: the mailbox exists but does not take messages for now (Gmail: per-user rate).
    name: "code-mailbox-not-accepting-now",
    class: "exists_but_throttled",
    stages: RECIPIENT_STAGES,
    enhanced: /^4\.2\.1$/,
    example: { stage: "rcpt", code: 450, enhanced: "4.2.1", text: "Please try again later" },
  },
  {
    name: "code-mailbox-full",
    class: "mailbox_full",
    stages: RECIPIENT_STAGES,
    enhanced: /^[45]\.2\.2$/,
    example: { stage: "rcpt", code: 452, enhanced: "4.2.2", text: "The recipient's inbox is out of room." },
  },
  {
    name: "code-policy",
    class: "blocked",
    enhanced: /^5\.7\./,
    example: { stage: "rcpt", code: 550, enhanced: "5.7.1", text: "Command rejected" },
  },
  {
    // 421 closes the connection: a deferral of our IP, not of one recipient.
    name: "code-policy-closing",
    class: "rate_limited",
    codes: [421],
    enhanced: /^4\.7\./,
    example: { stage: "mail", code: 421, enhanced: "4.7.0", text: "Temporarily rejected. Please retry later" },
  },
  {
    // Greylisting needs an envelope to key on, and replies with 450/451 and a policy code.
    name: "code-policy-deferral",
    class: "greylisted",
    stages: ENVELOPE_STAGES,
    codes: [450, 451],
    enhanced: /^4\.7\./,
    example: { stage: "rcpt", code: 451, enhanced: "4.7.1", text: "Try again later" },
  },
  {
    name: "code-policy-before-envelope",
    class: "rate_limited",
    stages: SESSION_STAGES,
    enhanced: /^4\.7\./,
    example: { stage: "connect", code: 450, enhanced: "4.7.1", text: "Come back later" },
  },
  {
    name: "code-temporary",
    class: "temporary_failure",
    enhanced: /^4\./,
    example: { stage: "rcpt", code: 450, enhanced: "4.1.1", text: "Recipient address lookup pending" },
  },
  {
    name: "code-routing",
    class: "relay_denied",
    stages: RECIPIENT_STAGES,
    enhanced: /^5\.4\./,
    example: { stage: "rcpt", code: 550, enhanced: "5.4.4", text: "Unable to route" },
  },
  {
    name: "code-protocol",
    class: "blocked",
    enhanced: /^5\.5\./,
    example: { stage: "rcpt", code: 550, enhanced: "5.5.1", text: "Protocol error" },
  },
  {
    // A refusal before any RCPT judged no recipient: it is about us.
    name: "refused-before-recipient",
    class: "blocked",
    stages: NON_RECIPIENT_STAGES,
    codes: ["5xx"],
    example: { stage: "ehlo", code: 550, text: "Requested action not taken" },
  },
  {
    name: "recipient-rejected",
    class: "mailbox_not_found",
    stages: RECIPIENT_STAGES,
    codes: [550, 553, 511],
    example: { stage: "rcpt", code: 550, text: "Requested action not taken" },
  },
  {
    name: "user-not-local",
    class: "relay_denied",
    stages: RECIPIENT_STAGES,
    codes: [551],
    example: { stage: "rcpt", code: 551, text: "Please try <someone@elsewhere.example>" },
  },
  {
    name: "storage-exceeded",
    class: "mailbox_full",
    stages: RECIPIENT_STAGES,
    codes: [452, 552],
    example: { stage: "rcpt", code: 452, text: "Requested action not taken" },
  },
  {
    // A bare 450/451 at RCPT with no stated cause is how greylisting usually looks.
    name: "recipient-deferred",
    class: "greylisted",
    stages: RECIPIENT_STAGES,
    codes: [450, 451],
    example: { stage: "rcpt", code: 451, text: "Internal resource temporarily unavailable" },
  },
  {
    name: "permanent-other",
    class: "blocked",
    codes: ["5xx"],
    example: { stage: "rcpt", code: 554, text: "Transaction failed" },
  },
  {
    name: "temporary-other",
    class: "temporary_failure",
    example: { stage: "connect", code: 421, text: "Resources temporarily unavailable. Please try again later." },
  },
];
