import type { Bounce } from "./bounce";
import { bounceRecord, complaintRecord, isoTime } from "./bounce-record";

/**
 * An Amazon SES notification delivered by e-mail (SNS to an e-mail subscription): the body is
 * the JSON the SES webhook would post. Bounces, complaints and deliveries are read from it.
 */

export interface SesNotification {
  type: "bounce" | "complaint" | "not_bounce";
  bounces: Bounce[];
}

interface SesRecipient {
  emailAddress?: unknown;
  status?: unknown;
  action?: unknown;
  diagnosticCode?: unknown;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : null;
}

/** More recipients than SES ever lists in one notification are ignored. */
const MAX_RECIPIENTS = 200;

function recipients(value: unknown): SesRecipient[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, MAX_RECIPIENTS).filter((item): item is SesRecipient => typeof item === "object" && item !== null);
}

/**
 * The notification in a text body, or null when the body holds none. Mail systems that fold long
 * lines leave `!` and a line break inside the JSON; both are removed before parsing.
 *
 * @example
 * sesNotification('{"notificationType":"Delivery","mail":{}}', new Date(0))?.type; // "not_bounce"
 */
export function sesNotification(body: string, receivedAt: Date): SesNotification | null {
  const start = body.indexOf('{"notificationType"');
  if (start < 0) return null;
  const end = body.lastIndexOf("}");
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.slice(start, end + 1).replace(/!?\r?\n /g, ""));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  const note = parsed as { notificationType?: unknown; bounce?: Record<string, unknown>; complaint?: Record<string, unknown> };
  if (note.notificationType === "Bounce" && note.bounce) {
    const at = isoTime(text(note.bounce.timestamp), receivedAt);
    const hint = { provider: "ses" as const, type: text(note.bounce.bounceType) ?? undefined, subType: text(note.bounce.bounceSubType) ?? undefined };
    const bounces = recipients(note.bounce.bouncedRecipients).flatMap((item) => {
      const address = text(item.emailAddress);
      if (!address) return [];
      const input = { status: text(item.status), action: text(item.action), text: text(item.diagnosticCode), hint };
      return [bounceRecord(address, input, "email", at)];
    });
    return { type: "bounce", bounces };
  }
  if (note.notificationType === "Complaint" && note.complaint) {
    const at = isoTime(text(note.complaint.timestamp), receivedAt);
    const bounces = recipients(note.complaint.complainedRecipients).flatMap((item) => {
      const address = text(item.emailAddress);
      return address ? [complaintRecord(address, text(note.complaint?.complaintFeedbackType), at)] : [];
    });
    return { type: "complaint", bounces };
  }
  return { type: "not_bounce", bounces: [] };
}
