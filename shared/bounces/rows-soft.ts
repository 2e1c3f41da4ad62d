import { anyOf, type BounceRow } from "./bounce-row";

/**
 * Rows for bounces that are soft whatever their code: the text speaks of a full mailbox, a size,
 * a rate, greylisting, our sender or IP, spam or a policy. They come before the mailbox rows
 * because real bounces put such texts under 5.1.x codes ("5.1.1 ... over quota", "5.1.3 ...
 * spamhaus", "5.1.8 Sender address rejected"). Wordings cover the common European languages;
 * texts are compared without accents.
 */

export const mailboxFull: BounceRow = {
  name: "mailbox-full",
  kind: "soft",
  reason: "mailbox_full",
  text: anyOf(
    /mail ?box (?:is )?(?:full|over ?quota)|(?:over|exceed\w*|out of|exhausted|reached|insufficient) (?:the |its |his |her |their |storage |disk |mailbox |user )*(?:quota|storage|disk space|space)/,
    /\bquota\b|mailbox full|full mailbox|inbox (?:is )?full|storage (?:is )?full|not enough (?:disk )?space/,
    /boite (?:aux lettres |mail )?(?:est )?pleine|postfach (?:ist )?voll|speicherplatz|buzon (?:esta )?lleno|casella (?:e )?piena|caixa (?:postal )?(?:esta )?cheia|ящик переполнен/,
  ),
  example: { status: "5.2.2", code: 552, text: "552 5.2.2 <kijitora@example.jp>: Mailbox full" },
};

export const mailboxFullCode: BounceRow = {
  name: "mailbox-full-code",
  kind: "soft",
  reason: "mailbox_full",
  status: /^[45]\.2\.2$/,
  example: { status: "5.2.2", code: 552, text: "552 5.2.2 Requested mail action aborted" },
};

export const messageTooLarge: BounceRow = {
  name: "message-too-large",
  kind: "soft",
  reason: "message_too_large",
  text: /message (?:is )?too (?:large|big)|message size|size limit|exceeds? (?:the )?(?:maximum|max|fixed)? ?(?:message )?size|message length exceeds/,
  example: { status: "5.3.4", code: 552, text: "552 5.3.4 Message size exceeds fixed limit" },
};

export const messageTooLargeCode: BounceRow = {
  name: "message-too-large-code",
  kind: "soft",
  reason: "message_too_large",
  status: /^[45]\.(?:3\.4|2\.3)$/,
  example: { status: "5.2.3", code: 552, text: "552 5.2.3 Rejected" },
};

export const greylisted: BounceRow = {
  name: "greylisted",
  kind: "soft",
  reason: "greylisted",
  text: /gr[ae]y ?list/,
  example: { status: "4.7.1", code: 450, text: "450 4.7.1 <a@example.org>: Recipient address rejected: Greylisted" },
};

/** Gmail's and others' "receiving mail at a rate": the mailbox exists and is busy. */
export const rateLimited: BounceRow = {
  name: "rate-limited",
  kind: "soft",
  reason: "rate_limited",
  text: anyOf(
    /receiv\w* (?:e-?mail|mail|messages?) (?:at a rate|too (?:quickly|fast))|rate (?:limit|that prevents)|too many (?:messages|mails|e-?mails|recipients|connections|sessions)/,
    /(?:has )?sent to too many recipients|throttl|exceeded (?:the )?(?:sending|message|connection|recipient) (?:rate|limit)/,
  ),
  example: {
    status: "4.2.1",
    code: 450,
    text: "450-4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.",
  },
};

/** The refusal was about our sender address, not the recipient. */
export const senderRefused: BounceRow = {
  name: "sender-refused",
  kind: "soft",
  reason: "policy_block",
  text: /sender (?:address |domain )?(?:rejected|refused|denied|unknown|not allowed|verify failed)|(?:unknown|invalid|bad) sender|envelope sender|mail from (?:rejected|refused)/,
  example: { status: "5.1.8", code: 553, text: "553 5.1.8 <sender@example.com>: Sender address rejected: Domain not found" },
};

export const senderRefusedCode: BounceRow = {
  name: "sender-refused-code",
  kind: "soft",
  reason: "policy_block",
  status: /^[45]\.1\.[78]$/,
  example: { status: "5.1.7", code: 553, text: "553 5.1.7 Rejected" },
};

export const spamBlock: BounceRow = {
  name: "spam-block",
  kind: "soft",
  reason: "spam_block",
  text: anyOf(
    /\bspam|junk mail|unsolicited|(?:black|block|deny|reject) ?list|spamhaus|spamcop|sorbs|barracuda|dnsbl|\brbl\b|\bbl\d|reputation/,
    /\bvirus|malware|phishing|infected/,
  ),
  example: { status: "5.7.1", code: 554, text: "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org" },
};

export const policyBlock: BounceRow = {
  name: "policy-block",
  kind: "soft",
  reason: "policy_block",
  text: anyOf(
    /\bpolicy|dmarc|\bspf\b|dkim|authenticat|reverse dns|\bptr\b|rdns|relay(?:ing)? (?:access )?(?:denied|not permitted|prohibited)|unable to relay/,
    /(?:client|your) (?:host|ip|address|server)\b[^.;]{0,40}(?:rejected|refused|blocked|denied)|blocked|access denied|my name was rejected|\bhelo\b|not allowed to send|recipient preferences|tls required|starttls/,
  ),
  example: { status: "5.7.26", code: 550, text: "550 5.7.26 Unauthenticated email from example.com is not accepted due to domain's DMARC policy" },
};

export const contentRejected: BounceRow = {
  name: "content-rejected",
  kind: "soft",
  reason: "content_rejected",
  text: /content (?:rejected|refused)|message (?:content )?(?:rejected|refused)|attachment|header|not rfc ?\d* compliant|rfc ?5322|message contains/,
  example: { status: "5.6.0", code: 554, text: "554 5.6.0 Message contains invalid header" },
};
