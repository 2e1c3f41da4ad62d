import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
import { forgetJob } from "../../jobs/jobs-db";
import { ownedJob } from "./owned-job";
import { errorResponse } from "../../../../shared/contract/schemas";
import { JOB_ID_ERRORS, JobIdSchema } from "../../../../shared/contract/jobs";

const route = createRoute({
  method: "delete",
  path: "/v1/jobs/{id}",
  summary: "Delete a bulk job now",
  description: "Deletes the upload, every answer and any re-verification schedule at once, before the retention period ends.",
  request: { params: JobIdSchema },
  responses: {
    204: { description: "Deleted." },
    ...JOB_ID_ERRORS,
    404: errorResponse("No such job (or another key made it)."),
  },
});

/** `DELETE /v1/jobs/{id}`: the job's data are personal data; their owner can remove them at once. */
export const deleteJob = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { id } = c.req.valid("param");
  const job = await ownedJob(c, id);
  const existed = (await job.status()) !== null;
  // The object first: if D1 then fails, the job is gone all the same and a second DELETE
  // (a 404) still forgets the rest.
  await job.erase();
  await forgetJob(c.env, id);
  if (!existed) throw new ApiError(404, "not_found", "no such job");
  return c.body(null, 204);
});
