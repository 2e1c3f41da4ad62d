import type { Bounce } from "./bounce";
import { bounceRecord, isoTime } from "./bounce-record";
import { type DsnFieldGroup, type DsnFields, dsnAddress, dsnText, field } from "./dsn-fields";
import { textRecipients } from "./plain-text";

/** Actions that report a delivery, not a failure (RFC 3464 section 2.3.3). */
const NOT_FAILED = /^(?:delivered|relayed|expanded)/i;

/**
 * The bounced recipients of an RFC 3464 / RFC 6533 delivery status report: every recipient group
 * whose action failed or was delayed, named by its `Original-Recipient` (the address we sent to)
 * or else its `Final-Recipient`, classified from its `Status`, `Action` and `Diagnostic-Code`.
 * When a group has no diagnostic, the lines the report's human-readable part gives about that
 * address are used instead.
 *
 * @example
 * dsnBounces(parseDsnFields("Final-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n"), "", null, new Date(0))[0].kind;
 * // "hard"
 */
export function dsnBounces(fields: DsnFields, humanText: string, messageDate: string | null, receivedAt: Date): Bounce[] {
  const bounces = new Map<string, Bounce>();
  const explained = textRecipients(humanText, new Set());
  const fallbackDate = field(fields.message, "arrival-date") ?? messageDate;
  for (const group of fields.recipients) {
    const action = field(group, "action") ?? null;
    const status = field(group, "status") ?? null;
    if (reportsDelivery(group)) continue;
    const address = dsnAddress(field(group, "original-recipient"), true) ?? dsnAddress(field(group, "final-recipient"));
    if (!address || bounces.has(address.toLowerCase())) continue;
    const final = dsnAddress(field(group, "final-recipient"))?.toLowerCase();
    const explanation = explained.find((item) => [address.toLowerCase(), final].includes(item.address.toLowerCase()));
    const text = dsnText(field(group, "diagnostic-code")) ?? explanation?.snippet ?? null;
    const at = isoTime(field(group, "last-attempt-date") ?? fallbackDate, receivedAt);
    bounces.set(address.toLowerCase(), bounceRecord(address, { status, action, text }, "email", at));
  }
  return [...bounces.values()];
}

function reportsDelivery(group: DsnFieldGroup): boolean {
  return NOT_FAILED.test(field(group, "action") ?? "") || (field(group, "status") ?? "").startsWith("2.");
}

/**
 * Whether a report names recipients and every one of them was delivered, relayed or expanded:
 * a success notification, not a bounce.
 *
 * @example
 * reportsOnlyDeliveries(parseDsnFields("Final-Recipient: rfc822; a@example.org\nAction: delivered\nStatus: 2.0.0\n")); // true
 */
export function reportsOnlyDeliveries(fields: DsnFields): boolean {
  return fields.recipients.length > 0 && fields.recipients.every(reportsDelivery);
}
