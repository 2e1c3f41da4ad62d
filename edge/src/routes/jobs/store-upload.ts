import type { z } from "@hono/zod-openapi";
import type { HonoRequest } from "hono";
import { BulkInputError } from "../../../../shared/bulk";
import { ApiError } from "../../../../shared/http/api-error";
import { edgeSettings, type Env } from "../../env";
import { putEmails, storeUpload } from "../../jobs/upload/upload";
import { EmailsBodySchema, JobOptionsSchema } from "../../../../shared/contract/jobs";

type JobOptions = z.infer<typeof JobOptionsSchema>;

/**
 * The API's error for a BulkInputError (413 for the limits, 400 otherwise); other errors pass.
 *
 * @example
 * throw asApiError(error);
 */
export function asApiError(error: unknown): unknown {
  if (!(error instanceof BulkInputError)) return error;
  return new ApiError(error.httpStatus, error.httpStatus === 413 ? "payload_too_large" : "invalid_request", error.message);
}

/**
 * Stores a job's upload in R2 however it came (JSON list, or streamed: a CSV body or a multipart
 * file), and returns the job options it carried, validated.
 *
 * @example
 * const { webhook_url } = await storeJobUpload(c.req, c.env, uploadKey(id));
 */
export async function storeJobUpload(request: HonoRequest, env: Env, key: string): Promise<JobOptions> {
  if (request.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() === "application/json") {
    // The route validated it already; parsing again (from Hono's cache) gives it its type.
    const { emails, ...options } = EmailsBodySchema.parse(await request.json());
    await putEmails(env.JOBS_BUCKET, key, emails);
    return options;
  }
  const { fields } = await storeUpload(request.raw, env.JOBS_BUCKET, key, edgeSettings(env).jobLimits.maxBytes);
  return parseOptions(fields);
}

function parseOptions(fields: Record<string, unknown>): JobOptions {
  const parsed = JobOptionsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(400, "invalid_request", `${issue?.path.join(".") ?? "form"}: ${issue?.message ?? "invalid"}`);
}
