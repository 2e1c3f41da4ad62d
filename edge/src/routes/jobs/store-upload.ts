import type { z } from "@hono/zod-openapi";
import type { HonoRequest } from "hono";
import { BulkInputError } from "../../../../shared/bulk";
import { tooLarge } from "../../../../shared/bulk/byte-source";
import { ApiError } from "../../../../shared/http/api-error";
import { edgeSettings, type Env } from "../../env";
import { putBody, putEmails } from "../../jobs/upload";
import { EmailsBodySchema, JobOptionsSchema } from "./schemas";

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
 * Stores a job's upload in R2 however it came (JSON list, CSV body, multipart file), and returns
 * the job options it carried, validated.
 *
 * @example
 * const { webhook_url } = await storeJobUpload(c.req, c.env, uploadKey(id));
 */
export async function storeJobUpload(request: HonoRequest, env: Env, key: string): Promise<JobOptions> {
  const { maxBytes } = edgeSettings(env).jobLimits;
  const type = request.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    // The route validated it already; parsing again (from Hono's cache) gives it its type.
    const { emails, ...options } = EmailsBodySchema.parse(await request.json());
    await putEmails(env.JOBS_BUCKET, key, emails);
    return options;
  }
  if (type === "multipart/form-data") {
    const form = await request.raw.formData();
    const file = form.get("file");
    if (!(file instanceof File)) throw new ApiError(400, "invalid_request", "the form has no file in its `file` field");
    if (file.size > maxBytes) throw tooLarge(maxBytes);
    await env.JOBS_BUCKET.put(key, file);
    const fields = Object.fromEntries([...form.entries()].filter(([name, value]) => name !== "file" && typeof value === "string"));
    return parseOptions(fields);
  }
  if (type === "text/csv" || type === "text/plain") {
    await putBody(env.JOBS_BUCKET, key, request.raw, maxBytes);
    return {};
  }
  throw new ApiError(400, "invalid_request", "send text/csv, multipart/form-data with a `file`, or application/json {\"emails\": [...]}");
}

function parseOptions(fields: Record<string, unknown>): JobOptions {
  const parsed = JobOptionsSchema.safeParse(fields);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(400, "invalid_request", `${issue?.path.join(".") ?? "form"}: ${issue?.message ?? "invalid"}`);
}
