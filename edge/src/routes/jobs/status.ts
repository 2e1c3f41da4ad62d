import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
import { ownedJob } from "./owned-job";
import { errorResponse } from "../../../../shared/contract/schemas";
import { JOB_ID_ERRORS, JobIdSchema, JobStatusSchema } from "../../../../shared/contract/jobs";

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}",
  summary: "A bulk job's progress",
  description: "Counts are per input row: a row is counted once, when its address is answered.",
  request: { params: JobIdSchema },
  responses: {
    200: { description: "The job's progress.", content: { "application/json": { schema: JobStatusSchema } } },
    ...JOB_ID_ERRORS,
    404: errorResponse("No such job (or it expired, or another key made it)."),
  },
});

/** `GET /v1/jobs/{id}`: the job's status and counts. */
export const jobStatus = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { id } = c.req.valid("param");
  const status = await (await ownedJob(c, id)).status();
  if (!status) throw new ApiError(404, "not_found", "no such job");
  return c.json({ id, ...status }, 200);
});
