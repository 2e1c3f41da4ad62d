import { arfComplaints, headerAddresses } from "./arf";
import { autoReplyKind } from "./auto-reply";
import type { Bounce } from "./bounce";
import { bounceRecord, complaintRecord, isoTime } from "./bounce-record";
import { dsnBounces } from "./dsn";
import { field, headerBlock, parseDsnFields } from "./dsn-fields";
import { type MessageParts, messageParts } from "./message-parts";
import { bounceOwnText, textRecipients } from "./plain-text";
import { sesNotification } from "./ses-notification";

/** What a received message reports. */
export interface ParsedBounceMessage {
  type: "bounce" | "complaint" | "not_bounce";
  /** One record per bounced or complaining recipient (source "email"); empty for a non-bounce. */
  bounces: Bounce[];
  /** How the message was read: which format, or why it is no bounce. */
  format: "dsn" | "arf" | "jmrp" | "ses" | "text" | "auto-reply" | "challenge" | "delivered" | "not-a-bounce" | "unparseable";
}

/** Who sends bounces: the MTA's own mailbox names (RFC 5321's postmaster, MAILER-DAEMON). */
const DELIVERY_SYSTEM = /mailer-daemon|postmaster|mail ?delivery (?:sub)?system|mail administrator|mdaemon|\bmailer\b/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (?:status notification|failure|failed|has failed|problem|notification)|returned mail|mail delivery failed|failure notice|could not be delivered|non-?deliver|returned to sender|mail system error|warning: could not send|delayed mail|nicht zustellbar|unzustellbar|non remis|non distribu|no entregado|non recapitat|error sending|message not delivered/i;

function deliverySystemSent(parts: MessageParts): boolean {
  return DELIVERY_SYSTEM.test(parts.headers.get("from") ?? "") || parts.headers.has("x-failed-recipients");
}

/** Addresses that name our side or the bounce's own routing, never a bounced recipient. */
function notRecipients(parts: MessageParts, attached: ReadonlyMap<string, readonly string[]>): Set<string> {
  const values = ["from", "to", "sender", "reply-to", "return-path", "delivered-to"].map((name) => parts.headers.get(name));
  values.push(...["from", "sender", "reply-to", "return-path"].map((name) => field(attached, name)));
  return new Set(values.flatMap(headerAddresses).map((address) => address.toLowerCase()));
}

function textBounces(parts: MessageParts, receivedAt: Date): Bounce[] {
  const attached = headerBlock(parts.attachedMessage ?? "");
  const at = isoTime(parts.date, receivedAt);
  const failed = headerAddresses(parts.headers.get("x-failed-recipients"));
  const exclude = notRecipients(parts, attached);
  // A broken MIME structure can hide the bounce's text; the raw body still has it.
  let text = parts.text;
  let found = textRecipients(text, exclude);
  if (found.length === 0 && parts.rawBody) {
    text = parts.rawBody;
    found = textRecipients(text, exclude);
  }
  const own = bounceOwnText(text);
  const named =
    failed.length > 0 ? failed.map((address) => found.find((item) => item.address.toLowerCase() === address.toLowerCase()) ?? { address, snippet: "" }) : found;
  if (named.length === 0) {
    const returned = text.slice(own.length);
    const to = headerAddresses(field(attached, "to") ?? /^to:(.*)$/im.exec(returned)?.[1]);
    if (to.length === 1 && to[0]) named.push({ address: to[0], snippet: "" });
  }
  return named.map(({ address, snippet }) => {
    const record = bounceRecord(address, { text: snippet }, "email", at);
    // A lone recipient's reason may stand anywhere in the bounce ("Could not be delivered because of 550 5.1.1 ...").
    return record.reason === "unclassified" && named.length === 1 ? bounceRecord(address, { text: own }, "email", at) : record;
  });
}

/** A delivery status block written into the text, by MTAs that do not make a report part. */
function embeddedDeliveryStatus(parts: MessageParts): string | null {
  for (const text of [parts.text, parts.rawBody]) {
    const start = text.search(/^(?:reporting-mta|final-recipient|original-recipient)\s*:/im);
    if (start >= 0 && /^(?:final|original)-recipient\s*:/im.test(text)) return text.slice(start);
  }
  return null;
}

/**
 * Reads a received message: a delivery status report (RFC 3464, RFC 6533), a feedback report
 * (ARF, RFC 5965, or Microsoft's JMRP), an SES notification, or a bounce written for people; or
 * a message that is none of these (an auto-reply, a challenge-response, ordinary mail), which
 * is never called a bounce. Never throws.
 *
 * @example
 * const parsed = await parseBounceMessage(rawDsn, new Date());
 * parsed.type; // "bounce"
 * parsed.bounces[0]; // { recipient: "a@example.org", kind: "hard", reason: "user_unknown", status: "5.1.1", ... }
 */
export async function parseBounceMessage(raw: string | Uint8Array | ArrayBuffer, receivedAt: Date): Promise<ParsedBounceMessage> {
  const parts = await messageParts(raw);
  if (!parts) return { type: "not_bounce", bounces: [], format: "unparseable" };
  if (parts.feedbackReport) {
    const reported = headerBlock(parts.attachedMessage ?? "");
    return { type: "complaint", bounces: arfComplaints(headerBlock(parts.feedbackReport), field(reported, "to"), receivedAt), format: "arf" };
  }
  const hotmailRecipient = field(headerBlock(parts.attachedMessage ?? ""), "x-hmxmroriginalrecipient");
  if (hotmailRecipient) {
    const bounces = headerAddresses(hotmailRecipient).map((address) => complaintRecord(address, "abuse", isoTime(parts.date, receivedAt)));
    return { type: "complaint", bounces, format: "jmrp" };
  }
  const deliveryStatus = parts.deliveryStatus ?? embeddedDeliveryStatus(parts);
  if (deliveryStatus) {
    const bounces = dsnBounces(parseDsnFields(deliveryStatus), parts.text, parts.date, receivedAt);
    if (bounces.length > 0) return { type: "bounce", bounces, format: "dsn" };
    if (parts.deliveryStatus) return { type: "not_bounce", bounces: [], format: "delivered" };
  }
  const ses = sesNotification(parts.text, receivedAt);
  if (ses) return { ...ses, format: "ses" };
  const auto = autoReplyKind(parts);
  const daemon = deliverySystemSent(parts);
  const bounceLike = daemon || BOUNCE_SUBJECT.test(parts.subject);
  if (auto && !daemon && (auto.strong || !bounceLike)) return { type: "not_bounce", bounces: [], format: auto.kind };
  if (!bounceLike) return { type: "not_bounce", bounces: [], format: "not-a-bounce" };
  return { type: "bounce", bounces: textBounces(parts, receivedAt), format: "text" };
}
