import { z } from "zod";
import { isoOfUnixSeconds, type ProviderEvent, readPayload } from "./events";

const sendGridBatch = z.array(
  z.looseObject({
    email: z.string().min(1),
    event: z.string(),
    timestamp: z.number(),
    type: z.string().optional(),
    status: z.string().optional(),
    reason: z.string().optional(),
    response: z.string().optional(),
  }),
);

/**
 * The bounced and complaining recipients of a SendGrid Event Webhook batch: `bounce` (type
 * `bounce` or `blocked`), `dropped`, `deferred` and `spamreport`; delivered, open, click and the
 * rest are left out.
 *
 * @example
 * sendGridEvents([{ email: "a@example.com", event: "bounce", type: "bounce", status: "5.1.1", timestamp: 1800000000 }]);
 */
export function sendGridEvents(payload: unknown): ProviderEvent[] {
  return readPayload(sendGridBatch, payload, "SendGrid").flatMap((event): ProviderEvent[] => {
    const at = isoOfUnixSeconds(event.timestamp);
    if (event.event === "spamreport") return [{ recipient: event.email, at, complaint: { text: null } }];
    if (event.event === "bounce" || event.event === "dropped") {
      const hint = { provider: "sendgrid", type: event.type ?? event.event } as const;
      return [{ recipient: event.email, at, bounce: { status: event.status, text: event.reason, hint } }];
    }
    // A deferral is a 4xx SendGrid will try again: soft, whatever its text says.
    if (event.event === "deferred")
      return [{ recipient: event.email, at, bounce: { text: event.response, action: "delayed", hint: { provider: "sendgrid", type: "deferred" } } }];
    return [];
  });
}
