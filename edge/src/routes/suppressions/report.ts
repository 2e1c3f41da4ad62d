import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { OwnerQuerySchema, SUPPRESSION_ERRORS } from "../../../../shared/contract/suppressions";
import type { AppEnv } from "../../env";
import { bounceReport } from "../../suppressions/report";
import { outcomeRows } from "../../suppressions/store";
import { listOwner } from "./list-owner";

const OutcomeSchema = z
  .object({
    verified: z.number().int().openapi({ description: "Addresses verified with this answer (the latest check of each)." }),
    hard: z.number().int().openapi({ description: "Of them, how many bounced hard afterwards." }),
    soft: z.number().int(),
    complaint: z.number().int(),
    hard_bounce_rate: z.number().nullable().openapi({ description: "hard / verified." }),
  })
  .openapi("BounceOutcome");
const groups = z.record(z.string(), OutcomeSchema);
const ReportSchema = z
  .object({
    by_verdict: groups,
    by_reason: groups,
    by_score_band: groups.openapi({ description: "Bands 0-19, 20-39, 40-59, 60-79, 80-100." }),
  })
  .openapi("BounceReport");

const route = createRoute({
  method: "get",
  path: "/v1/suppressions/report",
  summary: "How often each verdict, reason and score band bounced",
  description:
    "Every address verified (by /v1/verify or a bulk job) is remembered by a hash with its verdict, reason and score; a bounce that arrives later is set against that prediction. The rate is measured over everything verified, so it is the bounce rate of what you sent only if you sent to all of it.",
  request: { query: OwnerQuerySchema },
  responses: { 200: { description: "The report.", content: { "application/json": { schema: ReportSchema } } }, ...SUPPRESSION_ERRORS },
});

/** `GET /v1/suppressions/report`: the measured bounce rate of Mailvet's own answers. */
export const suppressionReport = new OpenAPIHono<AppEnv>().openapi(route, async (c) =>
  c.json(bounceReport(await outcomeRows(c.env.JOBS_DB, listOwner(c, c.req.valid("query").owner))), 200),
);
