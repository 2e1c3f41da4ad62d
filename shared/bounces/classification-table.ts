import type { BounceRow } from "./bounce-row";
import * as hard from "./rows-hard";
import * as provider from "./rows-provider";
import * as soft from "./rows-soft";

/** Every temporary bounce (4.x.x, 4xx, a delay DSN, an ESP's "transient") that no soft row named. */
const temporary: BounceRow = {
  name: "temporary",
  kind: "soft",
  reason: "temporary_failure",
  permanence: "temporary",
  example: { status: "4.0.0", action: "failed", text: "DNS Error: DNS type 'mx' lookup of example.org responded with code NXDOMAIN" },
};

/** 5.7.x is security or policy: it speaks of the sender, unless the text said the mailbox is missing. */
const policyCode: BounceRow = {
  name: "policy-code",
  kind: "soft",
  reason: "policy_block",
  status: /^5\.7\./,
  example: { status: "5.7.1", code: 550, text: "550 5.7.1 Delivery not authorized, message refused" },
};

const contentCode: BounceRow = {
  name: "content-code",
  kind: "soft",
  reason: "content_rejected",
  status: /^5\.6\./,
  example: { status: "5.6.1", code: 554, text: "554 5.6.1 Media not supported" },
};

/** A permanent bounce with no telling text or code: nothing shows the address is bad. */
const unclassified: BounceRow = {
  name: "unclassified",
  kind: "soft",
  reason: "unclassified",
  example: { status: "5.0.0", code: 550, text: "550 Requested action not taken" },
};

/**
 * The bounce classification table, in the order the rows are tried. An ESP's own verdict comes
 * first; then the soft texts, because real bounces put them under 5.1.x codes (the text beats the
 * code); then every temporary bounce, so no 4.x.x reaches a hard row; then the texts that say
 * the address will not work; then bare codes, policy before mailbox; and a soft catch-all last,
 * because a 5xx is not hard by itself.
 */
export const BOUNCE_TABLE: readonly BounceRow[] = [
  provider.sesTransientFull,
  provider.sesTooLarge,
  provider.sesContentRejected,
  provider.sesNoEmail,
  provider.sesUndetermined,
  provider.espBlocked,
  provider.postmarkSoft,
  soft.mailboxFull,
  soft.mailboxFullCode,
  soft.messageTooLarge,
  soft.messageTooLargeCode,
  soft.greylisted,
  soft.rateLimited,
  soft.senderRefused,
  soft.senderRefusedCode,
  soft.spamBlock,
  soft.policyBlock,
  temporary,
  hard.mailboxDisabled,
  hard.userUnknown,
  hard.hostUnknown,
  hard.mailboxMoved,
  policyCode,
  soft.contentRejected,
  contentCode,
  hard.badSyntax,
  hard.userUnknownCode,
  hard.hostUnknownCode,
  hard.mailboxMovedCode,
  unclassified,
];
