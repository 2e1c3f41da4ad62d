import { addressesIn } from "./addresses-in-text";
import type { Bounce } from "./bounce";
import { complaintRecord, isoTime } from "./bounce-record";
import { type DsnFieldGroup, field } from "./dsn-fields";

/** A report naming more complained-about recipients than this is cut: no real one does. */
const MAX_COMPLAINTS = 200;

/**
 * The addresses of an address header (`To: "Neko" <a@example.org>, b@example.org`); none for
 * undisclosed or redacted lists.
 *
 * @example
 * headerAddresses('"Neko" <a@example.org>, b@example.org'); // ["a@example.org", "b@example.org"]
 */
export function headerAddresses(value: string | undefined): string[] {
  return [...new Set(addressesIn(value ?? "").map((found) => found.address))];
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
  const recipients = (named.length > 0 ? [...new Set(named)] : headerAddresses(reportedTo)).slice(0, MAX_COMPLAINTS);
  const at = isoTime(field(report, "arrival-date") ?? field(report, "received-date"), receivedAt);
  const feedbackType = field(report, "feedback-type")?.toLowerCase() ?? null;
  return recipients.map((recipient) => complaintRecord(recipient, feedbackType, at));
}
