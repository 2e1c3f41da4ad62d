import { z } from "@hono/zod-openapi";
import { errorResponse } from "./schemas";
import { JOB_STATUSES, VERDICTS } from "./taxonomy";

/** The JSON form is for short lists; a long one belongs in a file. */
export const MAX_JSON_EMAILS = 10_000;

/**
 * What every `/v1/jobs/{id}` route may answer besides its own responses: refusals of the
 * middleware and of the id's validation, before the job is looked up.
 *
 * @example
 * responses: { 200: { description: "The job." }, ...JOB_ID_ERRORS, 404: errorResponse("No such job.") }
 */
export const JOB_ID_ERRORS = {
  400: errorResponse("The id is not a UUID, or a query parameter is malformed."),
  401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
  403: errorResponse("The key does not have the `jobs` scope (a widget key never has it)."),
  429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
};

export const JobIdSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, description: "The id POST /v1/jobs returned." }),
});

/** What a job may ask for besides its list, in JSON or as form fields. */
export const JobOptionsSchema = z.object({
  webhook_url: z
    .url({ protocol: /^https?$/, error: "webhook_url must be an http(s) URL" })
    .max(2_000)
    .optional()
    .openapi({ description: "POSTed (signed, see `webhook_secret`) when the job is done, and after each re-verification; retried with backoff." }),
  reverify_days: z.coerce.number().int().min(1).max(365).optional().openapi({
    description: "Re-verify the list every this many days and tell `webhook_url` which rows changed verdict. The list is kept until DELETE /v1/jobs/{id}.",
  }),
});

export const EmailsBodySchema = JobOptionsSchema.extend({ emails: z.array(z.string().max(1000)).min(1).max(MAX_JSON_EMAILS) }).openapi("JobEmails");

export const JobCreatedSchema = z
  .object({
    id: z.string(),
    status: z.literal("queued"),
    total: z.number().int().openapi({ description: "Input rows." }),
    webhook_secret: z.string().optional().openapi({ description: "With `webhook_url` only: the key of the webhook's Mailvet-Signature. Shown once." }),
    reverify_days: z.number().int().optional(),
  })
  .openapi("JobCreated");

export const JobStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(JOB_STATUSES).openapi({
      description:
        "`failed`: some addresses could not be verified after every retry (they are unknown/error in the results), or the results could not be assembled.",
    }),
    total: z.number().int(),
    processed: z.number().int().openapi({ description: "Rows answered so far." }),
    counts: z.object(Object.fromEntries(VERDICTS.map((verdict) => [verdict, z.number().int()])) as Record<(typeof VERDICTS)[number], z.ZodNumber>),
    run: z.number().int().openapi({ description: "1, then one more for each scheduled re-verification." }),
    waiting: z
      .object({
        rows: z.number().int().openapi({ description: "Rows not yet processed whose addresses wait to be asked again." }),
        until: z.string().datetime().nullable().openapi({ description: "When the last of those retries is due (ISO 8601), or null when none waits." }),
      })
      .openapi({
        description:
          "Addresses a mail server answered only for now (greylisting, a timeout, a deferral, a dropped session) go back on the queue and are asked again later, a bounded number of times.",
      }),
  })
  .openapi("JobStatus");
