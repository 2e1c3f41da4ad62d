import { anyOf, type ReplyRow } from "./reply-row";

/**
 * Rows for limits and temporary refusals that say nothing about the mailbox: recipients per
 * transaction, greylisting, rate limits on our IP, and a busy or failing server.
 */

const TOO_MANY_RECIPIENTS = anyOf(/too many (?:recipients|rcpt)/, /recipients? (?:count|limit)/, /max(?:imum)? (?:number of )?recipients/);

/** A limit per hour or day is a rate limit whatever the code (GoDaddy sends it as 550 5.1.1). */
export const sendingQuota: ReplyRow = {
  name: "sending-quota",
  class: "rate_limited",
  text: anyOf(
    /too many (?:recipients|messages|mails|e-?mails|connections)[^.;]{0,40}\b(?:this|per|an|a|each|every|in the last) (?:hour|day|minute|second)\b/,
    /\b(?:hourly|daily) (?:limit|quota)/,
    // Exceeded, not merely named: Gmail's 4.5.3 text links to a page called "sending limits".
    /(?:sending|outgoing|outbound) (?:limit|quota) (?:exceeded|reached)|exceeded [^.;]{0,20}(?:sending|outgoing|outbound) (?:limit|quota)/,
  ),
  example: {
    stage: "rcpt",
    code: 550,
    enhanced: "5.1.1",
    text: "<kijitora@example.com>  - 203.0.113.222 has sent to too many recipients this hour. IB607  <http://x.co/rlbounce>",
  },
};

export const transactionShape: ReplyRow = {
  name: "transaction-shape",
  class: "too_many_recipients",
  text: anyOf(
    /(?:separate|single|new|own|per) transaction/,
    /(?:multiple|several|different) (?:destination )?(?:domains|regions)/,
    /recipients belong to|one recipient per/,
  ),
  example: { stage: "rcpt", code: 452, enhanced: "4.5.3", text: "Recipients belong to multiple regions ATTR38 [AMS1EPF0000008F.eurprd05.prod.outlook.com]" },
};

/** RFC 3463 X.5.3 is "too many recipients", whatever the text says. */
export const recipientCountCode: ReplyRow = {
  name: "recipient-count-code",
  class: "too_many_recipients",
  enhanced: /^[45]\.5\.3$/,
  example: { stage: "rcpt", code: 550, enhanced: "5.5.3", text: "Too many recipients for this sender." },
};

/**
 * RFC 5321 (4.5.3.1.10) signals the per-transaction recipient limit with 452, and tolerates the
 * older 552; so does a greylisting-style 450/451. Under those codes it is a transaction limit.
 */
export const recipientCount: ReplyRow = {
  name: "recipient-count",
  class: "too_many_recipients",
  text: TOO_MANY_RECIPIENTS,
  codes: [450, 451, 452, 552],
  example: { stage: "rcpt", code: 552, text: "Too many recipients" },
};

/** "Too many recipients" under any other code (Sina's 550) is a limit on us, not on the transaction. */
export const recipientCountElsewhere: ReplyRow = {
  name: "recipient-count-elsewhere",
  class: "rate_limited",
  text: TOO_MANY_RECIPIENTS,
  example: { stage: "rcpt", code: 550, text: "Too many recipients." },
};

/**
 * A 421 that speaks of the session (too many errors, connections or commands; "try again
 * later, closing connection") is the server's limit on us, and the connection is closing: it
 * says nothing of the address and is never greylisting, whatever host name it quotes. A busy
 * server is left to the rows below.
 */
export const sessionLimit: ReplyRow = {
  name: "session-limit",
  class: "rate_limited",
  codes: [421],
  text: /^(?!.*\bbusy\b).*(?:too many|closing (?:the )?connection)/,
  example: { stage: "rcpt", code: 421, enhanced: "4.7.0", text: "mx-greylist.example.org Error: too many errors" },
};

export const greylisting: ReplyRow = {
  name: "greylisting",
  class: "greylisted",
  // Not inside a host name ("mx-greylist.example.org" is a name, not a statement).
  text: /(?<![\w.-])gr[ae]y[- ]?list(?![\w-]*\.[a-z])|postgrey|sqlgrey/,
  example: {
    stage: "rcpt",
    code: 450,
    enhanced: "4.2.0",
    text: "<user@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
  },
};

export const rateLimit: ReplyRow = {
  name: "rate-limit",
  class: "rate_limited",
  text: anyOf(
    /rate[- ]?limit|throttl|slow down|frequency|excessive/,
    /too many (?:connections|concurrent|sessions|simultaneous|parallel|messages|mails|e-?mails|errors|invalid|unknown|bad|commands|requests)/,
    /(?:concurrent|simultaneous) connections|connection (?:rate|limit|count)/,
    /(?:unexpected|unusual|high|large) (?:volume|rate|amount|number)|volume of/,
    /temporarily (?:deferred|limited|restricted)|deferred due to/,
    /(?:limit|quota) (?:exceeded|reached)|exceeded (?:the |a |your )?(?:allowed |maximum )?(?:number|limit|rate)/,
  ),
  example: { stage: "rcpt", code: 450, enhanced: "4.7.1", text: "<a@example.org>: Recipient address rejected: Rate limit exceeded for 192.0.2.7" },
};

/**
 * "Server busy" under a policy code is a throttle of our IP (Microsoft's 4.7.500-699 range
 * for new or changed senders), not a busy server.
 */
export const busyForUs: ReplyRow = {
  name: "busy-for-us",
  class: "rate_limited",
  text: /\bbusy\b/,
  enhanced: /^4\.7\./,
  example: { stage: "rcpt", code: 451, enhanced: "4.7.500", text: "Server busy. Please try again later from [192.0.2.2]. (AS761)" },
};

/**
 * Temporary refusals that name a cause on the server's side. Vague ones ("Try again later",
 * "Internal resource temporarily unavailable") are left to the code rows: at RCPT they are
 * usually greylisting (rspamd, Mimecast).
 */
export const serverTrouble: ReplyRow = {
  name: "server-trouble",
  class: "temporary_failure",
  codes: ["4xx"],
  text: anyOf(
    /\bbusy\b|shutting down|closing transmission channel|timed? ?out/,
    /try (?:another|a different|other|the next) (?:server|host|mx)/,
    // Not "temporary failure" alone: OpenBSD spamd greylists with "Temporary failure, please try again later".
    /(?:local|internal|system|server|processing|unexpected|transient) (?:server |system )?(?:error|failure|problem|issue)|temporary (?:local |server |system )?(?:error|problem|issue)/,
    /lookup (?:failed|failure|error)/,
    /insufficient (?:system )?(?:storage|resources)|system (?:storage|resources)/,
    /service (?:is )?(?:temporarily |currently )?(?:unavailable|refused|not available)/,
    /(?:unable|cannot|can't) (?:to )?process/,
  ),
  example: { stage: "connect", code: 421, enhanced: "4.4.5", text: "Server busy, try again later. For more information, go to About SMTP error messages." },
};
