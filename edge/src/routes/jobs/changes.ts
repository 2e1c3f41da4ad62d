import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { toStream } from "../../../../shared/bulk";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
import { changedRows } from "../../jobs/results/changes";
import { ownedJob } from "./owned-job";
import { errorResponse } from "../../../../shared/contract/schemas";
import { JOB_ID_ERRORS, JobIdSchema } from "../../../../shared/contract/jobs";

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}/changes",
  summary: "Rows whose verdict changed at the last re-verification",
  description:
    "For a job re-verified on a schedule (`reverify_days`): the rows whose verdict differs from the run before, in row order. Empty before the second run.",
  request: { params: JobIdSchema },
  responses: {
    200: {
      description:
        'The changed rows, one JSON object per line (`{"row", "email", "before": {"verdict", "reason"}, "after": {…}}`), streamed; the `Mailvet-Run` header names the run compared with the one before.',
      content: { "application/x-ndjson": { schema: z.string() } },
    },
    ...JOB_ID_ERRORS,
    404: errorResponse("No such job (or another key made it)."),
  },
});

const encoder = new TextEncoder();

/**
 * `GET /v1/jobs/{id}/changes`: what the re-verification webhook points to, in full. Registered
 * for the document and routed plainly: the typed routes only stream media types they know.
 */
export const jobChanges = new OpenAPIHono<AppEnv>();
jobChanges.openAPIRegistry.registerPath(route);
jobChanges.get("/v1/jobs/:id/changes", async (c) => {
  const parsed = JobIdSchema.safeParse({ id: c.req.param("id") });
  if (!parsed.success) throw new ApiError(400, "invalid_request", "id: must be the UUID POST /v1/jobs returned");
  const { id } = parsed.data;
  const files = await (await ownedJob(c, id)).resultsOf();
  if (!files) throw new ApiError(404, "not_found", "no such job");
  const run = files.run ?? 1;
  async function* lines(): AsyncGenerator<Uint8Array> {
    for await (const change of changedRows(c.env, { id, uploadKey: files!.uploadKey }, run)) yield encoder.encode(`${JSON.stringify(change)}\n`);
  }
  return c.body(toStream(lines()), 200, { "Content-Type": "application/x-ndjson; charset=utf-8", "Mailvet-Run": String(run) });
});
