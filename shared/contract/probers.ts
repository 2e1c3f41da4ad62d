import { z } from "@hono/zod-openapi";

/** A report's status as the review keeps it: the doctor's own, or `unreachable` when no signed report came back. */
export const ReportStatusSchema = z.enum(["pass", "warn", "fail", "unknown", "unreachable"]);

/** One reason a prober is degraded. */
export const ProberFindingSchema = z
  .object({
    code: z.enum(["listed", "reverse_dns", "helo", "block_replies"]).openapi({ description: "What degrades it." }),
    message: z.string().openapi({ description: "The same, in plain words." }),
  })
  .strict();

export const ProberStatusSchema = z
  .object({
    id: z.string(),
    region: z.string(),
    health: z.enum(["healthy", "degraded"]).openapi({
      description: "A degraded prober gets work only when no healthy one can answer.",
    }),
    findings: z.array(ProberFindingSchema).openapi({ description: "Why it is degraded; empty when healthy." }),
    block_domains: z.number().int().min(0).openapi({ description: "Distinct domains whose servers sent it block replies within the window." }),
    last_report: z
      .object({ at: z.string().datetime(), status: ReportStatusSchema })
      .strict()
      .nullable()
      .openapi({ description: "The last doctor report the Cron fetched, or null before the first." }),
    trend: z.array(ReportStatusSchema).openapi({ description: "Statuses of its last reports, oldest first." }),
  })
  .strict()
  .openapi("ProberStatus");

export const ProbersResponseSchema = z
  .object({
    probers: z.array(ProberStatusSchema),
    block_window_seconds: z.number().int(),
    block_domains_threshold: z.number().int(),
  })
  .strict()
  .openapi("Probers");

export type ReportStatus = z.infer<typeof ReportStatusSchema>;
export type ProberFinding = z.infer<typeof ProberFindingSchema>;
export type ProberStatus = z.infer<typeof ProberStatusSchema>;
export type ProbersResponse = z.infer<typeof ProbersResponseSchema>;
