import { describe, expect, it } from "vitest";
import { classifyReply } from "./classify";
import type { ReplyClass, SmtpStage } from "./reply-class";

type Case = readonly [who: string, stage: SmtpStage, code: number, enhanced: string | null, text: string, expected: ReplyClass];

/**
 * Replies that are NOT in the corpus, written from the stock texts of common MTAs, gateways and
 * providers, to check that the rows generalise beyond the corpus wording.
 */
const CASES: readonly Case[] = [
  // MTA stock texts
  [
    "Postfix relay_recipient_maps",
    "rcpt",
    550,
    "5.1.1",
    "<alice@example.org>: Recipient address rejected: User unknown in relay recipient table",
    "mailbox_not_found",
  ],
  [
    "Postfix virtual alias",
    "rcpt",
    550,
    "5.1.1",
    "<alice@example.org>: Recipient address rejected: undeliverable address: User unknown in virtual alias table",
    "mailbox_not_found",
  ],
  ["Postfix check_recipient_access", "rcpt", 554, "5.7.1", "<alice@example.org>: Recipient address rejected: Access denied", "blocked"],
  [
    "Postfix unknown recipient domain, DNS failed",
    "rcpt",
    450,
    "4.1.2",
    "<alice@example.org>: Recipient address rejected: Domain not found",
    "temporary_failure",
  ],
  ["Postfix no PTR", "rcpt", 450, "4.7.1", "Client host rejected: cannot find your hostname, [192.0.2.7]", "blocked"],
  [
    "Postfix null-MX sender",
    "mail",
    550,
    "5.7.27",
    "<probe@example.net>: Sender address rejected: Domain example.net does not accept mail (nullMX)",
    "blocked",
  ],
  ["Postfix storage", "rcpt", 452, "4.3.1", "Insufficient system storage", "temporary_failure"],
  ["Postfix recipient limit", "rcpt", 452, "4.5.3", "Error: too many recipients", "too_many_recipients"],
  ["Postfix STARTTLS required", "mail", 530, "5.7.0", "Must issue a STARTTLS command first", "blocked"],
  ["Postfix closing", "connect", 421, "4.3.2", "Service currently unavailable", "temporary_failure"],
  ["Exim (cPanel) unknown user", "rcpt", 550, null, "No Such User Here", "mailbox_not_found"],
  ["Exim ACL deny", "rcpt", 550, null, "Administrative prohibition", "blocked"],
  ["Exim relay", "rcpt", 550, null, "relay not permitted", "relay_denied"],
  ["Exim local problem", "rcpt", 451, null, "Temporary local problem - please try later", "temporary_failure"],
  ["Exim connection limit", "connect", 421, null, "mx.example.org Too many concurrent SMTP connections; please try again later.", "rate_limited"],
  [
    "Exim cached callout",
    "rcpt",
    550,
    null,
    "Verification failed for <probe@example.net>\nPrevious (cached) callout verification failure\nSender verify failed",
    "blocked",
  ],
  ["Sendmail relaying", "rcpt", 550, "5.7.1", "<bob@example.org>... Relaying denied. Proper authentication required.", "relay_denied"],
  ["Sendmail disabled", "rcpt", 550, "5.2.1", "<bob@example.org>... Mailbox disabled for this recipient", "mailbox_disabled"],
  ["vpopmail", "rcpt", 550, null, "sorry, no mailbox here by that name. (#5.1.1)", "mailbox_not_found"],
  ["qmail queue", "data", 451, null, "qq temporary problem (#4.3.0)", "temporary_failure"],
  ["Dovecot LMTP quota", "rcpt", 552, "5.2.2", "<carol@example.org> Quota exceeded (mailbox for user is full)", "mailbox_full"],
  ["Dovecot LMTP unknown", "rcpt", 550, "5.1.1", "<carol@example.org> User doesn't exist: carol@example.org", "mailbox_not_found"],
  ["Lotus Domino", "rcpt", 550, "5.0.0", "User not listed in public Name & Address Book", "mailbox_not_found"],
  [
    "Cyrus",
    "rcpt",
    550,
    "5.1.1",
    "Mailbox unknown. Either there is no mailbox associated with this name or you do not have authorization to see it.",
    "mailbox_not_found",
  ],
  ["SmarterMail", "rcpt", 550, null, "<dave@example.org> No such user here", "mailbox_not_found"],
  ["Exchange on-prem relay", "rcpt", 550, "5.7.54", "SMTP; Unable to relay recipient in non-accepted domain", "relay_denied"],
  ["Exchange on-prem resources", "rcpt", 452, "4.3.1", "Insufficient system resources", "temporary_failure"],
  ["Exchange Online anonymous", "mail", 530, "5.7.57", "Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful", "blocked"],
  ["Exchange send-as", "mail", 550, "5.7.1", "Client does not have permissions to send as this sender", "blocked"],
  [
    "Exchange Online DMARC",
    "data",
    550,
    "5.7.509",
    "Access denied, sending domain example.net does not pass DMARC verification and has a DMARC policy of reject.",
    "blocked",
  ],
  // Greylisting implementations
  [
    "postgrey (old wording)",
    "rcpt",
    450,
    "4.7.1",
    "<alice@example.org>: Recipient address rejected: Greylisted for 300 seconds (see http://isg.ee.ethz.ch/tools/postgrey/help/example.org.html)",
    "greylisted",
  ],
  ["milter-greylist", "rcpt", 451, "4.7.1", "Greylisting in action, please come back in 00:05:00", "greylisted"],
  ["Plesk greylisting", "rcpt", 451, "4.7.1", "Greylisting in action, please come back later", "greylisted"],
  ["rspamd after DATA", "data", 451, "4.7.1", "Try again later", "greylisted"],
  [
    "Mimecast wire wording",
    "rcpt",
    451,
    null,
    "Internal resources are temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451",
    "greylisted",
  ],
  // Gateways and block lists
  ["Proofpoint at connect", "connect", 554, "5.7.1", "Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7", "blocked"],
  ["Proofpoint unknown user", "rcpt", 550, "5.1.1", "User Unknown", "mailbox_not_found"],
  ["Barracuda recipient policy", "rcpt", 550, null, "permanent failure for one or more recipients (dave@example.org:blocked)", "blocked"],
  ["Mimecast sender policy", "rcpt", 550, null, "Envelope blocked - User Entry - https://community.mimecast.com/docs/DOC-1369#550", "blocked"],
  ["SpamCop via postscreen", "connect", 554, "5.7.1", "Service unavailable; client [192.0.2.7] blocked using bl.spamcop.net", "blocked"],
  ["Trend Micro reputation", "rcpt", 550, "5.7.1", "Mail rejected by Trend Micro Email Reputation Service", "blocked"],
  ["IronPort recipient limit", "rcpt", 452, null, "#4.3.0 Too many recipients", "too_many_recipients"],
  // Providers
  ["Comcast unknown", "rcpt", 550, "5.1.1", "<erin@comcast.net> Not our Customer", "mailbox_not_found"],
  [
    "Comcast RBL",
    "connect",
    554,
    null,
    "resimta-ch2-01v.sys.comcast.net comcast 192.0.2.7 found on one or more RBLs (cbl). Refer to http://postmaster.comcast.net/smtp-error-codes.php#BL000001",
    "blocked",
  ],
  [
    "Yahoo new-IP deferral",
    "mail",
    421,
    "4.7.0",
    "[GL01] Message from (192.0.2.7) temporarily deferred - 4.16.50. Please refer to https://postmaster.yahooinc.com/error-codes",
    "rate_limited",
  ],
  [
    "Gmail unsolicited rate",
    "connect",
    421,
    "4.7.0",
    "[192.0.2.7 15] Our system has detected an unusual rate of unsolicited mail originating from your IP address.",
    "rate_limited",
  ],
  [
    "Gmail low reputation, a 421 that waiting will not clear",
    "mail",
    421,
    "4.7.0",
    "[192.0.2.7 15] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address. To protect our users from spam, mail sent from your IP address has been temporarily rate limited.",
    "blocked",
  ],
  [
    "Microsoft rate limit by reputation",
    "mail",
    451,
    "4.7.650",
    "The mail server [192.0.2.25] has been temporarily rate limited due to IP reputation.",
    "rate_limited",
  ],
  [
    "Gmail no PTR, a 421",
    "mail",
    421,
    "4.7.0",
    "The IP address sending this message does not have a PTR record, or the corresponding forward DNS entry does not point to the sending IP.",
    "blocked",
  ],
  [
    "Postfix check_client_access at connect",
    "connect",
    554,
    "5.7.1",
    "<unknown[127.0.0.9]>: Client host rejected: 127.0.0.9 listed in bl.example; see its lookup page",
    "blocked",
  ],
  ["Gmail authentication", "data", 550, "5.7.26", "This message does not pass authentication checks (SPF and DKIM both do not pass).", "blocked"],
  ["Apple via Proofpoint", "mail", 550, "5.7.0", "Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=192.0.2.7", "blocked"],
  ["Mail.ru spam", "data", 550, null, "spam message rejected. Please visit http://help.mail.ru/notspam-support/id?c=abc", "blocked"],
  ["Yandex service unavailable", "rcpt", 451, "4.7.1", "Sorry, the service is currently unavailable. Please come back later.", "temporary_failure"],
  ["NetEase suspended", "rcpt", 550, null, "User suspended: someone@163.com", "mailbox_disabled"],
  ["Fastmail disabled", "rcpt", 550, "5.2.1", "<frank@example.com>: Recipient address rejected: Account disabled", "mailbox_disabled"],
  ["a full mailbox, terse", "rcpt", 452, "4.2.2", "Mailbox full", "mailbox_full"],
  ["a quota, terse", "rcpt", 552, "5.2.2", "Quota exceeded", "mailbox_full"],
  ["a size limit", "rcpt", 552, null, "Mailbox size limit exceeded", "mailbox_full"],
  ["MDaemon quota", "rcpt", 552, null, "Message for <x@example.org> would exceed mailbox quota", "mailbox_full"],
  ["a quota, reworded", "rcpt", 550, null, "Mailbox quota usage exceeded", "mailbox_full"],
  ["Exim local part", "rcpt", 550, null, "Unknown local part x in <x@example.org>", "mailbox_not_found"],
  ["Yahoo dd", "data", 554, null, "delivery error: dd Not a valid recipient - atlas-mtd-1", "mailbox_not_found"],
  ["AT&T RBL", "rcpt", 553, "5.3.0", "flpd594 DNSBL:RBL 521< 192.0.2.7 >_is_blocked.For assistance forward this email to abuse_rbl@abuse-att.net", "blocked"],
  ["OpenBSD spamd greylisting", "rcpt", 451, null, "Temporary failure, please try again later.", "greylisted"],
  ["Korean", "rcpt", 550, "5.1.1", "수신자가 존재하지 않습니다", "mailbox_not_found"],
  ["a policy about us, in RCPT words", "rcpt", 554, "5.7.1", "<x@example.org>: Recipient address rejected: unknown client", "blocked"],
  [
    "a missing user, then advice to us",
    "rcpt",
    550,
    "5.1.1",
    "<x@example.org>: Recipient address rejected: User unknown. Please contact your mail server administrator",
    "mailbox_not_found",
  ],
  ["our account, not theirs", "rcpt", 550, null, "Your account has been suspended", "blocked"],
  ["our IP, not a mailbox", "rcpt", 550, "5.7.1", "Client IP address not found in DNS", "blocked"],
  ["concurrency, terse", "connect", 421, null, "Too many concurrent connections", "rate_limited"],
  ["outbound forwarder", "rcpt", 251, "2.1.5", "User not local; will forward to <x@elsewhere.example>", "accepted"],
  ["no service", "connect", 554, null, "No SMTP service here", "blocked"],
  ["your IP on a list", "rcpt", 550, "5.7.1", "Recipient not authorized, your IP has been found on a block list", "blocked"],
  // Other languages
  ["German", "rcpt", 550, "5.1.1", "Benutzer unbekannt", "mailbox_not_found"],
  ["German full", "rcpt", 552, null, "Postfach voll", "mailbox_full"],
  ["French", "rcpt", 550, "5.1.1", "Destinataire inconnu", "mailbox_not_found"],
  ["French full", "rcpt", 552, null, "Boîte aux lettres pleine", "mailbox_full"],
  ["French disabled", "rcpt", 550, null, "Le compte du destinataire est désactivé", "mailbox_disabled"],
  ["Spanish", "rcpt", 550, null, "El usuario no existe", "mailbox_not_found"],
  ["Polish", "rcpt", 550, null, "Skrzynka nie istnieje", "mailbox_not_found"],
  ["Russian", "rcpt", 550, null, "Пользователь не найден", "mailbox_not_found"],
  ["Russian, no such", "rcpt", 550, "5.7.1", "Нет такого пользователя", "mailbox_not_found"],
  ["Russian full", "rcpt", 452, null, "Почтовый ящик переполнен", "mailbox_full"],
  ["Chinese", "rcpt", 550, null, "用户不存在", "mailbox_not_found"],
  ["Japanese", "rcpt", 550, "5.1.1", "宛先不明 (unknown user)", "mailbox_not_found"],
];

describe("classifyReply on replies outside the corpus", () => {
  it.each(CASES.map(([who, ...rest]) => [who, ...rest] as const))("%s", (_who, stage, code, enhanced, text, expected) => {
    const result = classifyReply({ stage, code, enhanced, text });
    expect(result.class, `rule ${result.rule}`).toBe(expected);
  });

  it("reads the delays that greylisting replies state, and states none where they do not", () => {
    const delay = (text: string) => classifyReply({ stage: "rcpt", code: 451, enhanced: "4.7.1", text }).retryAfterSeconds;
    expect(delay("Greylisting in action, please come back in 00:10:00")).toBe(600);
    expect(delay("Greylisted, please try again in 2 minutes")).toBe(120);
    expect(delay("Greylisting in action, please come back later")).toBeNull();
  });

  it("gives no delay to a refusal that states none", () => {
    expect(classifyReply({ stage: "rcpt", code: 550, enhanced: "5.1.1", text: "User unknown" }).retryAfterSeconds).toBeNull();
  });
});
