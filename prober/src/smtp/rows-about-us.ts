import { anyOf, type ReplyRow } from "./reply-row";

/**
 * Rows for replies about US (our sender, IP, HELO name, DNS or authentication) rather than the
 * recipient. They are `blocked` at every stage, even when the text also says "User unknown" or
 * "Unrouteable address": those words then describe our sender (Exim's sender callout).
 */

export const senderRefused: ReplyRow = {
  name: "sender-refused",
  class: "blocked",
  text: anyOf(
    /\bsender\b[^.;]{0,40}\b(?:rejected|refused|denied|blocked|not allowed|not accepted|invalid|not valid|unknown|does ?n[o']t exist|not found|unrout|verif)/,
    /\b(?:invalid|bad|unknown|unrout\w*|unverified|forged|rejected) (?:envelope )?sender/,
    /domain of sender/,
    /\bmail ?from\b (?:domain|address)|\bmailfrom\b/,
  ),
  example: {
    stage: "rcpt",
    code: 550,
    text: "Verification failed for <probe@example.net>\nUnrouteable address\nSender verify failed",
  },
};

export const clientHostRefused: ReplyRow = {
  name: "client-host-refused",
  class: "blocked",
  text: anyOf(/\bclient host\b|unknown client|\bconnecting (?:host|ip)\b/, /\bclient\b[^.;]{0,40}\b(?:rejected|blocked|refused|denied|not allowed)/),
  example: { stage: "rcpt", code: 554, enhanced: "5.7.1", text: "<unknown[192.0.2.7]>: Client host rejected: Access denied" },
};

export const heloRefused: ReplyRow = {
  name: "helo-refused",
  class: "blocked",
  text: anyOf(
    /\b(?:helo|ehlo)\b[^.;]{0,40}\b(?:rejected|refused|invalid|not accepted|denied|required|not allowed|syntax)/,
    /\b(?:invalid|bad|forged|illegal) (?:helo|ehlo)\b/,
    /fully[- ]qualified (?:host|domain)/,
  ),
  example: { stage: "rcpt", code: 504, enhanced: "5.5.2", text: "<localhost>: Helo command rejected: need fully-qualified hostname" },
};

export const reverseDns: ReplyRow = {
  name: "reverse-dns",
  class: "blocked",
  text: anyOf(/\bptr\b/, /\bf?c?rdns\b/, /reverse (?:dns|lookup|host ?name|mapping|name)/, /forward[- ]confirmed/, /cannot find your (?:reverse )?host ?name/),
  example: { stage: "mail", code: 550, enhanced: "5.7.25", text: "Forward-confirmed reverse DNS failed tnmpmscs" },
};

export const senderAuthentication: ReplyRow = {
  name: "sender-authentication",
  class: "blocked",
  text: anyOf(
    /\b(?:spf|dkim|dmarc)\b/,
    /sender policy framework/,
    /not authori[sz]ed to send/,
    /\b(?:not |un)authenticated\b/,
    /authentication (?:is )?required|must (?:first )?authenticate|\bauth\w* required/,
  ),
  example: { stage: "mail", code: 530, enhanced: "5.7.1", text: "Client was not authenticated" },
};

export const blockList: ReplyRow = {
  name: "block-list",
  class: "blocked",
  text: anyOf(
    /\b(?:dnsbl|rbl|surbl|uribl|spamhaus|spamcop|sorbs|uceprotect|abuseat|[csxpd]bl)\b/,
    /black ?list|block[ -]?list|deny ?list/,
    /blocked using/,
    // "User not listed in public Name & Address Book" (Domino) is a missing user, not a listing.
    /\b(?:is|are|was|been|ip|domain|address|host) (?:currently )?listed (?:in|on|at|by)\b/,
    /\(bl\)|\[bl\d+\]/,
  ),
  example: { stage: "rcpt", code: 550, enhanced: "5.7.1", text: "Mail from 192.0.2.7 refused, see https://www.spamhaus.org/query/ip/192.0.2.7" },
};

export const allowListOnly: ReplyRow = {
  name: "allow-list-only",
  class: "blocked",
  text: anyOf(/white ?list|allow ?list/, /approved senders?/, /only accepts? mail from/),
  example: { stage: "rcpt", code: 550, enhanced: "5.7.1", text: "This domain only accepts mail from approved senders" },
};

export const tlsRequired: ReplyRow = {
  name: "tls-required",
  class: "blocked",
  text: anyOf(
    /\b(?:tls|ssl|starttls|encryption)\b[^.;]{0,20}\b(?:required|mandatory)/,
    /must (?:issue a |use )?(?:starttls|tls)/,
    /requires? (?:tls|starttls|encryption)/,
  ),
  example: { stage: "mail", code: 530, enhanced: "5.7.0", text: "Must issue a STARTTLS command first" },
};

/**
 * Our IP or domain's standing, even under a temporary code: Gmail's "421 4.7.0 … very low
 * reputation of the sending IP address … temporarily rate limited" will not clear by waiting,
 * so it is tried before the rate-limit rows. Microsoft's "rate limited due to IP reputation"
 * (no judgement in it) stays a rate limit.
 */
export const lowReputation: ReplyRow = {
  name: "low-reputation",
  class: "blocked",
  text: /\b(?:low|poor|bad|negative)(?: sender| ip)? reputation\b/,
  example: {
    stage: "mail",
    code: 421,
    enhanced: "4.7.0",
    text: "[192.0.2.7 15] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.",
  },
};

/** Temporary codes that say retrying will not help (Yahoo's "permanently deferred"). */
export const permanentDeferral: ReplyRow = {
  name: "permanent-deferral",
  class: "blocked",
  text: anyOf(/permanently (?:deferred|rejected|blocked|refused)/, /retrying will not|will not succeed/),
  example: { stage: "mail", code: 421, enhanced: "4.7.1", text: "[TS03] All messages from 192.0.2.7 permanently deferred" },
};

/**
 * The generic "you are refused" wordings about our IP, network or server. Tried after the rate
 * limit rows (QQ's "Ip frequency limited [... Blocked IP ...]" is a rate limit) and after the
 * mailbox rows ("please contact your mail server administrator" can follow "User unknown").
 */
export const ourSideRefused: ReplyRow = {
  name: "our-side-refused",
  class: "blocked",
  text: anyOf(
    /\b(?:your|sending|source|connecting|originating) (?:ip|ip address|network|server|host|mta|domain|mail server|account|isp)\b/,
    /\bip(?: address)?\b[^.;]{0,40}\b(?:blocked|banned|rejected|refused|denied|not allowed|not accepted|not authori[sz]ed|bloquee)/,
    /\b(?:banned|blocked|rejected|refused|denied)\b[^.;]{0,20}\bip\b/,
    /traffic not accepted/,
    /\b(?:mail|messages|connections?) from \S+ (?:weren't|were not|will not be|not|was) (?:sent|accepted|allowed|rejected)/,
    /connections? (?:will )?not (?:be )?accepted from/,
    /part of their network/,
  ),
  example: {
    stage: "rcpt",
    code: 550,
    enhanced: "5.7.606",
    text: "Access denied, banned sending IP [198.51.100.222]. To request removal from this list please visit https://sender.office.com/ and follow the directions.",
  },
};

/**
 * Generic refusals by policy, spam filter or ban. Tried late, after the mailbox rows: La Poste's
 * "The recipient account is blocked" is a disabled mailbox, not a block of us.
 */
export const policyRefusal: ReplyRow = {
  name: "policy-refusal",
  class: "blocked",
  text: anyOf(
    /\bpolic(?:y|ies)\b/,
    /\bspam\w*|\bjunk\b|\babuse\b|suspicious|unsolicited|reputation/,
    /\b(?:blocked|banned|denied|refused|bloque\w*)\b|\bprohibit\w*/,
    /not (?:allowed|accepted|permitted|authori[sz]ed)|not accept\b/,
    /\brejected (?:by|due|for|because|as)\b|\b(?:mail|message|e-?mail|connection) (?:was )?rejected/,
  ),
  example: {
    stage: "data",
    code: 554,
    enhanced: "5.7.9",
    text: "Message not accepted for policy reasons. See https://postmaster.verizonmedia.com/error-codes",
  },
};
