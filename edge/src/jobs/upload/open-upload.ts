import { readTable, type Table } from "../../../../shared/bulk";
import { ApiError } from "../../../../shared/http/api-error";
import { edgeSettings, type Env } from "../../env";
import { r2Source } from "./r2-source";

/**
 * Opens a job's upload from R2 as a table, within the job limits of the settings: every reader
 * of an upload (planning, assembly, results) reads it this one way, so all see the same rows.
 *
 * @example
 * const table = await openUpload(env, uploadKey(id));
 */
export async function openUpload(env: Env, key: string): Promise<Table> {
  const source = await r2Source(env.JOBS_BUCKET, key);
  if (!source) throw new ApiError(404, "not_found", "no such job");
  return readTable(source, edgeSettings(env).jobLimits);
}
