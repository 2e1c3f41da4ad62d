import { z } from "zod";
import { isoOfUnixSeconds, type ProviderEvent, readPayload } from "./events";

/** A Mailgun webhook body: its signature and one event. */
export const mailgunBody = z.object({
  signature: z.object({ timestamp: z.string(), token: z.string().min(1).max(200), signature: z.string() }),
  "event-data": z.looseObject({
    event: z.string(),
    timestamp: z.number(),
    recipient: z.string().min(1).optional(),
    severity: z.string().optional(),
    reason: z.string().optional(),
    "delivery-status": z.looseObject({ code: z.number().nullish(), message: z.string().nullish(), description: z.string().nullish() }).optional(),
  }),
});

/**
 * The bounced or complaining recipient of a Mailgun event: `failed` (severity permanent or
 * temporary, with the delivery status) and `complained`; other events name none.
 *
 * @example
 * mailgunEvents(body); // [{ recipient: "nobody@example.com", at, bounce: { code: 550, text: "5.1.1 …", hint } }]
 */
export function mailgunEvents(payload: unknown): ProviderEvent[] {
  const data = readPayload(mailgunBody, payload, "Mailgun")["event-data"];
  if (!data.recipient) return [];
  const at = isoOfUnixSeconds(data.timestamp);
  if (data.event === "complained") return [{ recipient: data.recipient, at, complaint: { text: null } }];
  if (data.event !== "failed") return [];
  const status = data["delivery-status"];
  const text = [status?.message, status?.description].filter(Boolean).join(" ") || data.reason;
  return [{ recipient: data.recipient, at, bounce: { code: status?.code, text, hint: { provider: "mailgun", type: data.severity } } }];
}
