import { arfComplaints, headerAddresses } from "./arf";
import { autoReplyKind } from "./auto-reply";
import type { Bounce } from "./bounce";
import { complaintRecord, isoTime } from "./bounce-record";
import { dsnBounces, reportsOnlyDeliveries } from "./dsn";
import { field, headerBlock, parseDsnFields } from "./dsn-fields";
import { type MessageParts, messageParts } from "./message-parts";
import { sesNotification } from "./ses-notification";
import { textBounces } from "./text-bounce";

/** What a received message reports. */
export interface ParsedBounceMessage {
  type: "bounce" | "complaint" | "not_bounce";
  /** One record per bounced or complaining recipient (source "email"); empty for a non-bounce. */
  bounces: Bounce[];
  /** How the message was read: which format, or why it is no bounce. */
  format: "dsn" | "arf" | "jmrp" | "ses" | "text" | "auto-reply" | "challenge" | "delivered" | "not-a-bounce" | "unparseable";
}

/** Who sends bounces: the MTA's own mailbox names (RFC 5321's postmaster, MAILER-DAEMON). */
const DELIVERY_SYSTEM = /mailer-daemon|post_?master|mail ?delivery (?:sub)?system|mail administrator|mdaemon|\bmailer\b/i;
const BOUNCE_SUBJECT =
  /undeliver|undelivered|delivery (?:status notification|failure|failed|has failed|problem|notification)|returned mail|mail delivery failed|failure notice|could not be delivered|non-?deliver|returned to sender|mail system error|warning: could not send|delayed mail|nicht zustellbar|unzustellbar|non remis|non distribu|no entregado|non recapitat|error sending|message not delivered|メールエラー|配信エラー|送信エラー|不達/i;

function deliverySystemSent(parts: MessageParts): boolean {
  return DELIVERY_SYSTEM.test(parts.headers.get("from") ?? "") || parts.headers.has("x-failed-recipients");
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
    const fields = parseDsnFields(deliveryStatus);
    const bounces = dsnBounces(fields, parts.text, parts.date, receivedAt);
    if (bounces.length > 0) return { type: "bounce", bounces, format: "dsn" };
    if (reportsOnlyDeliveries(fields)) return { type: "not_bounce", bounces: [], format: "delivered" };
    // A report that names no usable recipient (an empty part, "Final-Recipient: @host") is read as text.
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
