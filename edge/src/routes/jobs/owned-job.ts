import type { Context } from "hono";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
import { jobCoordinator } from "../../jobs/coordinator-stub";
import { jobOwner } from "../../jobs/jobs-db";

/**
 * Job `id`'s Durable Object, when the job exists and the caller may see it: it made the job, or
 * has the admin scope. Anything else is the same 404, so a caller learns nothing of other
 * callers' jobs, and no object is created for a job that does not exist.
 *
 * @example
 * const job = await ownedJob(c, id);
 * const status = await job.status();
 */
export async function ownedJob(c: Context<AppEnv>, id: string) {
  const caller = c.get("caller");
  const owner = await jobOwner(c.env, id);
  if (owner === null || (owner !== caller.owner && !caller.scopes.has("admin"))) throw new ApiError(404, "not_found", "no such job");
  return jobCoordinator(c.env, id);
}
