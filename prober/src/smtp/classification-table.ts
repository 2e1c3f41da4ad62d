import * as aboutUs from "./rows-about-us";
import { CODE_ROWS } from "./rows-codes";
import * as limits from "./rows-limits";
import * as recipient from "./rows-recipient";
import type { ReplyRow } from "./reply-row";

/**
 * The classification table, in the order the rows are tried. The order is the corpus
 * README's procedure: a 2xx is accepted; a reply about our sender, IP, HELO, DNS or
 * authentication is blocked whatever else it says; limits and greylisting come before the
 * mailbox rows because their texts also mention recipients ("Excessive unknown recipients");
 * plain statements about the mailbox come before the generic wordings about our IP (their
 * nouns exclude ours: "your account", "IP address") and before the policy words; vague
 * wordings and bare codes come last.
 */
export const CLASSIFICATION_TABLE: readonly ReplyRow[] = [
  {
    name: "success",
    class: "accepted",
    codes: ["2xx"],
    example: { stage: "rcpt", code: 250, enhanced: "2.1.5", text: "Recipient OK" },
  },
  // "Relaying denied. Proper authentication required" is about the domain, not our credentials.
  recipient.relayDenied,
  aboutUs.senderRefused,
  aboutUs.clientHostRefused,
  aboutUs.heloRefused,
  aboutUs.reverseDns,
  aboutUs.senderAuthentication,
  aboutUs.blockList,
  aboutUs.allowListOnly,
  aboutUs.tlsRequired,
  aboutUs.lowReputation,
  aboutUs.permanentDeferral,
  recipient.recipientDomainUnknown,
  recipient.recipientDomainUnresolved,
  limits.sendingQuota,
  limits.transactionShape,
  limits.recipientCountCode,
  limits.recipientCount,
  limits.recipientCountElsewhere,
  limits.sessionLimit,
  limits.greylisting,
  // Before the rate rows: Gmail's per-user "receiving email too quickly" is not our rate.
  recipient.receivingRate,
  recipient.mailboxFull,
  limits.rateLimit,
  limits.busyForUs,
  recipient.directoryRejection,
  recipient.mailboxDisabled,
  recipient.mailboxNotFound,
  recipient.mailboxNotFoundTranslated,
  aboutUs.ourSideRefused,
  // Before the policy words: Orange's "Service refused, please try later" is a busy server.
  limits.serverTrouble,
  aboutUs.policyRefusal,
  recipient.mailboxUnavailable,
  ...CODE_ROWS,
];
