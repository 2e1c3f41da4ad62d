import { z } from "zod";
import { type ProviderEvent, readPayload } from "./events";

const resendEvent = z.looseObject({
  type: z.string(),
  created_at: z.string(),
  data: z.looseObject({
    to: z.array(z.string().min(1)).optional(),
    bounce: z.looseObject({ message: z.string().nullish(), type: z.string().optional(), subType: z.string().optional() }).optional(),
  }),
});

/**
 * The bounced or complaining recipients of a Resend webhook: `email.bounced` (Resend sends
 * through SES, and its bounce carries SES's type and subtype) and `email.complained`.
 *
 * @example
 * resendEvents({ type: "email.bounced", created_at, data: { to: ["a@example.com"], bounce: { type: "Permanent", subType: "General", message: "…" } } });
 */
export function resendEvents(payload: unknown): ProviderEvent[] {
  const event = readPayload(resendEvent, payload, "Resend");
  const recipients = event.data.to ?? [];
  if (event.type === "email.complained") return recipients.map((recipient) => ({ recipient, at: event.created_at, complaint: { text: null } }));
  if (event.type !== "email.bounced") return [];
  const bounce = event.data.bounce;
  // Resend's bounce types are SES's, so SES's rows of the table read them.
  const hint = { provider: "ses", type: bounce?.type, subType: bounce?.subType } as const;
  return recipients.map((recipient) => ({ recipient, at: event.created_at, bounce: { text: bounce?.message, hint } }));
}
