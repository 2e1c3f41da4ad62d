import { z } from "zod";
import { type ProviderEvent, readPayload } from "./events";

const postmarkEvent = z.looseObject({
  RecordType: z.string(),
  Type: z.string().optional(),
  TypeCode: z.number().optional(),
  Email: z.string().min(1).optional(),
  BouncedAt: z.string().optional(),
  Details: z.string().nullish(),
  Description: z.string().nullish(),
});

/**
 * The bounced or complaining recipient of a Postmark webhook: RecordType `Bounce` (its Type,
 * e.g. HardBounce, SoftBounce, Transient, as the hint) and `SpamComplaint`; Delivery, Open,
 * Click and the rest name none.
 *
 * @example
 * postmarkEvents({ RecordType: "Bounce", Type: "HardBounce", TypeCode: 1, Email: "a@example.com", BouncedAt, Details: "smtp;550 5.1.1 …" });
 */
export function postmarkEvents(payload: unknown): ProviderEvent[] {
  const event = readPayload(postmarkEvent, payload, "Postmark");
  if (!event.Email || !event.BouncedAt) return [];
  if (event.RecordType === "SpamComplaint" || event.Type === "SpamComplaint") {
    return [{ recipient: event.Email, at: event.BouncedAt, complaint: { text: event.Details ?? null } }];
  }
  if (event.RecordType !== "Bounce") return [];
  const text = event.Details?.replace(/^smtp;\s*/i, "") || event.Description;
  return [{ recipient: event.Email, at: event.BouncedAt, bounce: { text, hint: { provider: "postmark", type: event.Type } } }];
}
