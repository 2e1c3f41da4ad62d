import { z } from "@hono/zod-openapi";
import { DoctorCheckSchema } from "./doctor";

/**
 * A finding of the sender's reputation review (`GET /v1/reputation`): the same shape as a
 * doctor's check, so the CLI and the web app read both alike. `unknown` means a list or the
 * resolver could not be asked, never "listed".
 */
export const ReputationFindingSchema = DoctorCheckSchema;

/** What one block list said about one IP address or domain. */
export const ListCheckSchema = z
  .object({
    list: z.string(),
    name: z.string(),
    zone: z.string(),
    item: z.string(),
    status: z.enum(["listed", "not_listed", "could_not_ask"]),
    codes: z.array(z.string()),
    meaning: z.string(),
    removal: z.string(),
  })
  .strict();

/** The review of a sending domain and its IP addresses. */
export const ReputationReviewSchema = z
  .object({
    domain: z.string().nullable(),
    ips: z.array(z.string()),
    /** When the review was made (ISO 8601). */
    at: z.string().datetime(),
    /** Worst status over the findings: `fail` when any fails, else `warn`, else `unknown`, else `pass`. */
    status: z.enum(["pass", "warn", "fail", "unknown"]),
    findings: z.array(ReputationFindingSchema),
    ip_lists: z.array(ListCheckSchema),
    domain_lists: z.array(ListCheckSchema),
    spf: z
      .object({ record: z.string().nullable(), results: z.array(z.object({ ip: z.string(), result: z.string(), matched: z.string().nullable() })) })
      .nullable(),
    dmarc: z.object({ record: z.string().nullable(), policy: z.enum(["none", "quarantine", "reject"]).nullable() }).nullable(),
    mx: z.object({ kind: z.string(), hosts: z.array(z.string()) }).nullable(),
  })
  .strict()
  .openapi("ReputationReview");

export const ReputationScheduleSchema = z
  .object({
    id: z.string(),
    domain: z.string().nullable(),
    ips: z.array(z.string()),
    every: z.enum(["daily", "weekly"]),
    webhook_url: z.string(),
    /** Shown once, when the schedule is made. */
    webhook_secret: z.string().optional().openapi({ description: "The key of the webhook's Mailvet-Signature. Shown once, in the answer to POST." }),
    next_run_at: z.string().datetime(),
    last_run_at: z.string().datetime().nullable(),
    last_status: z.enum(["pass", "warn", "fail", "unknown"]).nullable(),
  })
  .openapi("ReputationSchedule");

export const ScheduleIdSchema = z.object({
  id: z
    .string()
    .uuid()
    .openapi({ param: { name: "id", in: "path" }, description: "The id POST /v1/reputation/schedules returned." }),
});

export type ReputationFinding = z.infer<typeof ReputationFindingSchema>;
export type ReputationReview = z.infer<typeof ReputationReviewSchema>;
export type ReputationSchedule = z.infer<typeof ReputationScheduleSchema>;
