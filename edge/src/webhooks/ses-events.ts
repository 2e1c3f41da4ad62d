import { z } from "zod";
import { type ProviderEvent, readPayload } from "./events";

const recipients = z.array(
  z.looseObject({ emailAddress: z.string().min(1), status: z.string().nullish(), diagnosticCode: z.string().nullish(), action: z.string().nullish() }),
);

// SES publishes either notifications (notificationType) or configuration-set events (eventType).
const sesEvent = z.looseObject({
  notificationType: z.string().optional(),
  eventType: z.string().optional(),
  bounce: z.looseObject({ bounceType: z.string(), bounceSubType: z.string().optional(), bouncedRecipients: recipients, timestamp: z.string() }).optional(),
  complaint: z
    .looseObject({
      complainedRecipients: z.array(z.looseObject({ emailAddress: z.string().min(1) })),
      timestamp: z.string(),
      complaintFeedbackType: z.string().nullish(),
    })
    .optional(),
});

/**
 * The bounced and complaining recipients of an SES notification (the JSON in an SNS
 * Notification's Message). Deliveries, opens and the rest name none.
 *
 * @example
 * sesEvents(JSON.parse(snsMessage.Message)); // [{ recipient: "nobody@example.com", at, bounce: { status: "5.1.1", … } }]
 */
export function sesEvents(payload: unknown): ProviderEvent[] {
  const event = readPayload(sesEvent, payload, "SES");
  const type = event.notificationType ?? event.eventType;
  if (type === "Bounce" && event.bounce) {
    const { bounceType, bounceSubType, timestamp } = event.bounce;
    return event.bounce.bouncedRecipients.map((recipient) => ({
      recipient: recipient.emailAddress,
      at: timestamp,
      bounce: {
        status: recipient.status,
        text: recipient.diagnosticCode,
        action: recipient.action,
        hint: { provider: "ses", type: bounceType, subType: bounceSubType },
      },
    }));
  }
  if (type === "Complaint" && event.complaint) {
    const { timestamp, complaintFeedbackType } = event.complaint;
    return event.complaint.complainedRecipients.map((recipient) => ({
      recipient: recipient.emailAddress,
      at: timestamp,
      complaint: { text: complaintFeedbackType ?? null },
    }));
  }
  return [];
}
