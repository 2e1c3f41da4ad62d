import { type Bounce, type BounceSource, DIAGNOSTIC_MAX_CHARS } from "../../../shared/bounces/bounce";
import { type BounceInput, classifyBounce } from "../../../shared/bounces/classify";
import { ApiError } from "../../../shared/http/api-error";
import type { z } from "zod";

/** One recipient an ESP's event names: a bounce (with what the classifier reads) or a complaint. */
export type ProviderEvent = { recipient: string; at: string; bounce: BounceInput } | { recipient: string; at: string; complaint: { text: string | null } };

const cut = (text: string | null | undefined) => (text ? text.slice(0, DIAGNOSTIC_MAX_CHARS) : null);

/**
 * The Bounce record of a provider's event: a complaint as it is, a bounce as the classifier
 * reads its status, text and the provider's own hint.
 *
 * @example
 * toBounce({ recipient: "a@example.com", at, bounce: { status: "5.1.1", hint: { provider: "ses", type: "Permanent" } } }, "ses").kind; // "hard"
 */
export function toBounce(event: ProviderEvent, source: BounceSource): Bounce {
  if ("complaint" in event) {
    return { recipient: event.recipient, kind: "complaint", reason: "complaint", status: null, diagnostic: cut(event.complaint.text), source, at: event.at };
  }
  const { kind, reason, status } = classifyBounce(event.bounce);
  return { recipient: event.recipient, kind, reason, status, diagnostic: cut(event.bounce.text), source, at: event.at };
}

/**
 * Parses a verified payload with a provider's schema; a payload that does not fit is a 400 that
 * says where (the signature was good, so the sender is told what it sent wrong).
 */
export function readPayload<Schema extends z.ZodType>(schema: Schema, payload: unknown, provider: string): z.infer<Schema> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(400, "invalid_request", `not a ${provider} event: ${issue?.path.join(".") || "body"}: ${issue?.message ?? "unexpected shape"}`);
}

/** Unix seconds (SendGrid, Mailgun, Svix) as ISO 8601. */
export const isoOfUnixSeconds = (seconds: number) => new Date(seconds * 1000).toISOString();
