import { z } from "@hono/zod-openapi";
import { REASONS, REASONS_BY_VERDICT, type Reason, VERDICTS } from "./taxonomy";

/** The longest address the API looks at; longer input is a malformed request (contract). */
export const MAX_EMAIL_LENGTH = 1000;
export const DEFAULT_TIMEOUT_MS = 8000;

const email = z
  .string()
  .max(MAX_EMAIL_LENGTH, `email must be at most ${MAX_EMAIL_LENGTH} characters`)
  .openapi({ description: "The address to check, exactly as the user typed it.", example: "Alice@Example.com" });
const timeoutMs = z
  .number()
  .int("timeout_ms must be a whole number")
  .min(1000, "timeout_ms must be between 1000 and 30000")
  .max(30000, "timeout_ms must be between 1000 and 30000")
  .openapi({ description: "Deadline for the whole check, in milliseconds.", example: DEFAULT_TIMEOUT_MS });

/** Query of `GET /v1/verify`. */
export const VerifyQuerySchema = z.object({
  email: email.openapi({ param: { name: "email", in: "query" } }),
  smtp: z
    .enum(["true", "false", "1", "0"], { error: "smtp must be true or false" })
    .optional()
    .transform((value) => value === undefined || value === "true" || value === "1")
    .openapi({ param: { name: "smtp", in: "query" }, description: "Ask the mail server (default true)." }),
  timeout_ms: z
    .string()
    .regex(/^\d{1,6}$/, "timeout_ms must be a whole number")
    .transform(Number)
    .pipe(timeoutMs)
    .optional()
    .openapi({ param: { name: "timeout_ms", in: "query" }, type: "integer", example: "8000" }),
  transcript: z
    .enum(["true", "false", "1", "0"], { error: "transcript must be true or false" })
    .optional()
    .transform((value) => value === "true" || value === "1")
    .openapi({ param: { name: "transcript", in: "query" }, description: "Return the SMTP conversation (default false)." }),
});

/** Body of `POST /v1/verify`. */
export const VerifyBodySchema = z
  .object({
    email,
    smtp: z.boolean().optional().openapi({ description: "Ask the mail server (default true)." }),
    timeout_ms: timeoutMs.optional(),
    transcript: z.boolean().optional().openapi({ description: "Return the SMTP conversation (default false)." }),
  })
  .openapi("VerifyRequest");

export type VerifyRequest = { email: string; smtp: boolean; timeoutMs: number; transcript: boolean };

export const FlagsSchema = z
  .object({
    disposable: z.boolean().openapi({ description: "The domain hands out throw-away mailboxes." }),
    role: z.boolean().openapi({ description: "The local part names a role (info@, sales@), not a person." }),
    free: z.boolean().openapi({ description: "The domain is a free mailbox provider." }),
    catch_all: z.boolean().openapi({ description: "The server accepts mail for any local part." }),
    gibberish: z.boolean().openapi({ description: "The local part looks like random characters." }),
  })
  .openapi("Flags");

export const MxRecordSchema = z.object({ host: z.string(), preference: z.number().int().min(0).max(65535) }).openapi("MxRecord");

export type MxRecord = z.infer<typeof MxRecordSchema>;

export const DomainInfoSchema = z
  .object({
    name: z.string().openapi({ description: "The domain for display (Unicode form)." }),
    ascii: z.string().openapi({ description: "The domain as sent on the wire (A-labels)." }),
    mx: z.array(MxRecordSchema).openapi({ description: "Mail servers by preference; empty when not looked up." }),
  })
  .openapi("DomainInfo");

export const SmtpInfoSchema = z
  .object({
    performed: z.boolean().openapi({ description: "Whether a mail server was asked." }),
    host: z.string().optional(),
    code: z.number().int().optional(),
    enhanced: z.string().optional(),
    message: z.string().optional(),
    rule: z.string().optional().openapi({
      description: "The row of the prober's reply classification that decided (e.g. `mailbox-not-found`, `greylisting`): why the reason is what it is.",
    }),
    prober: z.string().optional(),
    duration_ms: z.number().int().min(0).optional(),
    transcript: z.array(z.string()).optional().openapi({ description: "The SMTP conversation, line by line, when the request asked for it." }),
  })
  .openapi("SmtpInfo");

/** `bounce` of a result: the caller's suppression list entry for the address (CONTRACT "Bounce feedback"). */
export const ResultBounceSchema = z
  .object({
    kind: z.enum(["hard", "soft", "complaint"]).openapi({ description: "hard and complaint decide undeliverable (bounced, complained); soft is a flag only." }),
    reason: z.string().openapi({ description: "The bounce's reason (`user_unknown`, `mailbox_full`, …).", example: "user_unknown" }),
    status: z.string().nullable().openapi({ description: "The enhanced status code the bounce gave.", example: "5.1.1" }),
    at: z.string().openapi({ description: "When the latest bounce for the address happened (ISO 8601)." }),
    source: z.string().openapi({ description: "Where it came from: ses, sendgrid, mailgun, postmark, resend, email, csv, mbox, or manual." }),
    retry_after: z.string().nullable().openapi({
      description: "Soft bounces only: the time (ISO 8601) before which another send is likely to bounce again; null for hard bounces and complaints.",
    }),
  })
  .openapi("ResultBounce");

export type ResultBounce = z.infer<typeof ResultBounceSchema>;

export const VerifyResultSchema = z
  .object({
    email: z.string(),
    normalized: z.string().nullable().openapi({ description: "Local part as given, domain lower-cased in A-label form." }),
    verdict: z.enum(VERDICTS),
    reason: z.enum(REASONS as readonly [Reason, ...Reason[]]).openapi({ description: "The one fact that decided the verdict." }),
    flags: FlagsSchema,
    suggestion: z.string().nullable().openapi({ description: "A corrected address when the domain looks like a typo." }),
    score: z.number().int().min(0).max(100),
    domain: DomainInfoSchema.nullable(),
    smtp: SmtpInfoSchema,
    duration_ms: z.number().int().min(0),
    bounce: ResultBounceSchema.nullable().openapi({ description: "The caller's suppression list entry for the address, or null." }),
  })
  .refine((result) => (REASONS_BY_VERDICT[result.verdict] as readonly string[]).includes(result.reason), {
    message: "reason does not belong to verdict",
  })
  .openapi("VerifyResult");

export type VerifyResult = z.infer<typeof VerifyResultSchema>;

export const ErrorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) }).openapi("Error");

/**
 * An error response of a route, for the OpenAPI document.
 *
 * @example
 * responses: { 404: errorResponse("No such job.") }
 */
export const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ErrorBodySchema } } });
