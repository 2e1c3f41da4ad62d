import type { Bounce } from "./bounce";
import { complaintRecord, isoTime } from "./bounce-record";
import { type DsnFieldGroup, field } from "./dsn-fields";

const ADDRESS_IN = /[^\s<>()[\]"',;:@]+@[^\s<>()[\]"',;:@]+\.[^\s<>()[\]"',;:@]{2,}/g;

/**
 * The addresses of an address header (`To: "Neko" <a@example.org>, b@example.org`); none for
 * undisclosed or redacted lists.
 *
 * @example
 * headerAddresses('"Neko" <a@example.org>, b@example.org'); // ["a@example.org", "b@example.org"]
 */
export function headerAddresses(value: string | undefined): string[] {
  return [...new Set((value ?? "").match(ADDRESS_IN) ?? [])];
}

/**
 * The complaints of an ARF (RFC 5965) feedback report: one per `Original-Rcpt-To` or
 * `Removal-Recipient`, else per address in the `To` of the reported message (none when the
 * report names nobody, as redacted reports do).
 *
 * @example
 * arfComplaints(new Map([["feedback-type", ["abuse"]], ["original-rcpt-to", ["a@example.org"]]]), undefined, new Date(0))[0].recipient;
 * // "a@example.org"
 */
export function arfComplaints(report: DsnFieldGroup, reportedTo: string | undefined, receivedAt: Date): Bounce[] {
  const named = [...(report.get("original-rcpt-to") ?? []), ...(report.get("removal-recipient") ?? [])].flatMap(headerAddresses);
  const recipients = named.length > 0 ? [...new Set(named)] : headerAddresses(reportedTo);
  const at = isoTime(field(report, "arrival-date") ?? field(report, "received-date"), receivedAt);
  const feedbackType = field(report, "feedback-type")?.toLowerCase() ?? null;
  return recipients.map((recipient) => complaintRecord(recipient, feedbackType, at));
}
