import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { resultsCsv, resultsJson, resultsXlsx, toStream } from "../../../../shared/bulk";
import { type Verdict, VERDICTS } from "../../../../shared/contract/taxonomy";
import { ApiError } from "../../../../shared/http/api-error";
import { checkOffline } from "../../../../shared/verify/offline";
import type { Context } from "hono";
import { type AppEnv, edgeSettings } from "../../env";
import { AnswersReader, answeredRows } from "../../jobs/results/answers-file";
import { openUpload } from "../../jobs/upload/open-upload";
import { answersKey } from "../../jobs/storage-keys";
import { ownedJob } from "./owned-job";
import { asApiError } from "./store-upload";
import { commaSeparated } from "../../../../shared/contract/comma-separated";
import { errorResponse } from "../../../../shared/contract/schemas";
import { JOB_ID_ERRORS, JobIdSchema } from "../../../../shared/contract/jobs";

const VerdictListSchema = commaSeparated
  .pipe(z.array(z.enum(VERDICTS)).min(1, "verdicts must name at least one of deliverable, undeliverable, risky, unknown"))
  .optional()
  .openapi({
    description: "Only rows with these verdicts, comma-separated (e.g. `deliverable` for a clean list). All rows when absent.",
    example: "deliverable,risky",
  });

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}/results",
  summary: "A bulk job's results",
  description:
    'Every input row, in input order, with its original columns plus verdict, reason, the flags and the typo suggestion (as /v1/verify gives it; empty when none); JSON is `{"results": [...]}`. ' +
    "Once the job is done (or failed with results): before that the answer is 409, and the client polls GET /v1/jobs/{id}. " +
    "During a scheduled re-verification, the results of the run before.",
  request: {
    params: JobIdSchema,
    query: z.object({ format: z.enum(["csv", "xlsx", "json"]).default("csv"), verdicts: VerdictListSchema }),
  },
  responses: {
    200: {
      description: "The results, streamed.",
      content: {
        "text/csv": { schema: z.string() },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: z.string().openapi({ format: "binary" }) },
        "application/json": { schema: z.object({ results: z.array(z.record(z.string(), z.unknown())) }) },
      },
    },
    ...JOB_ID_ERRORS,
    404: errorResponse("No such job (or another key made it)."),
    409: errorResponse("The job is not done yet (`not_ready`), or its results could not be assembled (`job_failed`)."),
  },
});

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

/** The job's latest complete results, read from its upload and its answers file side by side. */
async function readResults(c: Context<AppEnv>, id: string) {
  const { env } = c;
  const job = await ownedJob(c, id);
  const [files, status] = await Promise.all([job.resultsOf(), job.status()]);
  if (!files || !status) throw new ApiError(404, "not_found", "no such job");
  if (files.run === null) {
    if (status.status === "failed") throw new ApiError(409, "job_failed", "the job failed before its results were assembled; start it again");
    throw new ApiError(409, "not_ready", `the job is ${status.status}; results come once GET /v1/jobs/${id} says done`);
  }
  const answers = await AnswersReader.open(env.JOBS_BUCKET, answersKey(id, files.run));
  if (!answers) throw new ApiError(409, "job_failed", "the job's results are missing; start it again");
  const table = await openUpload(env, files.uploadKey).catch(async (error: unknown) => {
    await answers.close();
    throw asApiError(error);
  });
  return { columns: table.columns, rows: answeredRows(table.rows, answers) };
}

async function* onlyVerdicts<T extends { verdict: Verdict }>(rows: AsyncIterable<T>, verdicts: readonly Verdict[] | undefined): AsyncGenerator<T> {
  for await (const row of rows) if (!verdicts || verdicts.includes(row.verdict)) yield row;
}

/**
 * Each row with the typo suggestion /v1/verify gives its address, recomputed from the address by
 * the same offline check rather than stored: the answers file keeps two bytes a row, which a
 * suggestion would make variable in length, and the check costs a few microseconds a row (a
 * domain's facts are remembered). The suggestion depends on the address alone, not on the lists.
 */
async function* withSuggestions<Row extends { email: string }>(
  rows: AsyncIterable<Row>,
  allowReservedDomains: boolean,
): AsyncGenerator<Row & { suggestion: string | null }> {
  for await (const row of rows) yield { ...row, suggestion: checkOffline(row.email, { allowReservedDomains }).suggestion };
}

/** `GET /v1/jobs/{id}/results`: CSV, XLSX or JSON, streamed, optionally only some verdicts. */
export const jobResults = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { id } = c.req.valid("param");
  const { format, verdicts } = c.req.valid("query");
  const { columns, rows } = await readResults(c, id);
  const results = withSuggestions(onlyVerdicts(rows, verdicts), edgeSettings(c.env).allowReservedDomains);
  const chunks = format === "csv" ? resultsCsv(columns, results) : format === "xlsx" ? resultsXlsx(columns, results) : resultsJson(results);
  const name = `mailvet-${id.slice(0, 8)}-${verdicts ? verdicts.join("-") : "all"}.${format}`;
  return c.body(toStream(chunks), 200, { "Content-Type": CONTENT_TYPES[format], "Content-Disposition": `attachment; filename="${name}"` });
});
