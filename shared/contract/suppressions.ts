import { z } from "@hono/zod-openapi";
import { errorResponse } from "./schemas";

/** Kinds of entry: a hard bounce, a soft one, a complaint. */
export const SUPPRESSION_KINDS = ["hard", "soft", "complaint"] as const;

/**
 * What every `/v1/suppressions` route may answer besides its own responses.
 *
 * @example
 * responses: { 200: { … }, ...SUPPRESSION_ERRORS }
 */
export const SUPPRESSION_ERRORS = {
  400: errorResponse("The address is not an e-mail address, or a parameter or the body is malformed."),
  401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
  403: errorResponse("The key does not have the `jobs` scope, or `owner` was given by a key without `admin`."),
  429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
};

const owner = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .openapi({ param: { name: "owner", in: "query" }, description: "Admin keys only: whose list (an owner id such as `key:acme`); default the caller's own." });
const kind = z.enum(SUPPRESSION_KINDS, { error: "kind must be hard, soft or complaint" });

export const OwnerQuerySchema = z.object({ owner });

export const ListQuerySchema = z.object({
  owner,
  kind: kind.optional().openapi({ param: { name: "kind", in: "query" }, description: "Only entries of this kind." }),
  limit: z
    .string()
    .regex(/^\d{1,4}$/, "limit must be a whole number from 1 to 1000")
    .transform(Number)
    .pipe(z.number().int().min(1, "limit must be a whole number from 1 to 1000").max(1000, "limit must be a whole number from 1 to 1000"))
    .optional()
    .openapi({ param: { name: "limit", in: "query" }, type: "integer", description: "Entries per page (default 100, at most 1000)." }),
  after: z
    .string()
    .max(1000)
    .optional()
    .openapi({ param: { name: "after", in: "query" }, description: "The `next` of the page before." }),
});

export const ExportQuerySchema = z.object({ owner, kind: ListQuerySchema.shape.kind });

export const DeleteAllQuerySchema = z.object({
  owner,
  kind: ListQuerySchema.shape.kind,
  all: z
    .enum(["true"], { error: "all must be true" })
    .optional()
    .openapi({ param: { name: "all", in: "query" }, description: "`true` to empty the whole list." }),
});

export const AddressParamSchema = z.object({
  address: z
    .string()
    .max(1000, "address must be at most 1000 characters")
    .openapi({ param: { name: "address", in: "path" }, description: "The address, URL-encoded; matched case-insensitively.", example: "alice@example.com" }),
});

export const SuppressionSchema = z
  .object({
    address: z.string().openapi({ description: "Local part as the bounce gave it, domain lower-cased." }),
    kind: kind,
    reason: z.string().openapi({ example: "user_unknown" }),
    status: z.string().nullable().openapi({ example: "5.1.1" }),
    diagnostic: z.string().nullable().openapi({ description: "The remote server's or the ESP's text, cut to 300 characters." }),
    source: z.string().openapi({ description: "ses, sendgrid, mailgun, postmark, resend, email, csv, mbox, or manual." }),
    first_seen: z.string(),
    last_seen: z.string(),
    count: z.number().int().min(1),
  })
  .openapi("Suppression");

export const SuppressionPageSchema = z
  .object({ entries: z.array(SuppressionSchema), next: z.string().nullable().openapi({ description: "Pass as `after` for the next page; null on the last." }) })
  .openapi("SuppressionPage");

export const PutSuppressionSchema = z
  .object({
    kind,
    reason: z
      .string()
      .regex(/^[a-z][a-z_]{0,39}$/, "reason must be a word of lower-case letters and underscores (user_unknown, mailbox_full, complaint, …)")
      .openapi({ example: "user_unknown" }),
    status: z
      .string()
      .regex(/^[245]\.\d{1,3}\.\d{1,3}$/, "status must be an enhanced status code like 5.1.1")
      .nullable()
      .optional(),
    diagnostic: z.string().max(2000).nullable().optional().openapi({ description: "Kept cut to 300 characters." }),
  })
  .openapi("PutSuppression");

export const RemovedSchema = z.object({ removed: z.number().int().min(0) }).openapi("SuppressionsRemoved");
