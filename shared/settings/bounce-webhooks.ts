import { z } from "zod";

/** The ESPs whose event webhooks the edge takes bounces from. */
export const BOUNCE_PROVIDERS = ["ses", "sendgrid", "mailgun", "postmark", "resend"] as const;
export type BounceProvider = (typeof BOUNCE_PROVIDERS)[number];

/** Secrets as short as this can be guessed; the API keys have the same floor. */
const MIN_SECRET_LENGTH = 16;
const secret = (what: string) => z.string().min(MIN_SECRET_LENGTH, `${what} must be at least ${MIN_SECRET_LENGTH} characters`);

const topicArn = z
  .string()
  .regex(/^arn:aws:sns:[a-z]{2}(?:-[a-z]+)+-\d:\d{12}:[A-Za-z0-9_-]{1,256}$/, "each topic must be an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)");

/** What one owner has set up: per provider, what proves a delivery is the owner's. */
const ownerHooks = z
  .object({
    // SNS signs with Amazon's key, so anyone's topic verifies: only the owner's topics are taken.
    ses: z.object({ topics: z.array(topicArn).min(1, "ses lists at least one topic") }).strict(),
    sendgrid: z
      .object({ publicKey: z.string().regex(/^[A-Za-z0-9+/]{40,}={0,2}$/, "sendgrid.publicKey is the base64 verification key SendGrid shows") })
      .strict(),
    mailgun: z.object({ signingKey: secret("mailgun.signingKey") }).strict(),
    postmark: z
      .object({
        username: z.string().regex(/^[\x21-\x39\x3b-\x7e]{1,64}$/, "postmark.username is 1–64 printable ASCII characters without ':'"),
        password: secret("postmark.password").regex(/^[\x21-\x7e]+$/, "postmark.password is printable ASCII"),
      })
      .strict(),
    resend: z.object({ secret: z.string().regex(/^whsec_[A-Za-z0-9+/]{16,}={0,2}$/, "resend.secret is the whsec_… signing secret Resend shows") }).strict(),
  })
  .partial()
  .strict();

export type OwnerHooks = z.infer<typeof ownerHooks>;

/**
 * MAILVET_BOUNCE_WEBHOOKS: per owner (an API key's id), the secrets of the ESP webhooks whose
 * bounces go into that owner's suppression list. The owner in a webhook URL counts only with a
 * delivery its own secret verifies.
 *
 * @example
 * bounceWebhooksVariable.parse('{"acme":{"mailgun":{"signingKey":"key-0123456789abcdef"}}}');
 */
export const bounceWebhooksVariable = z
  .string()
  .transform((value, ctx) => {
    if (value.trim() === "") return {};
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be JSON like {"acme":{"mailgun":{"signingKey":"…"}}}' });
      return z.NEVER;
    }
  })
  .pipe(z.record(z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, "each owner is an API key's id"), ownerHooks));
