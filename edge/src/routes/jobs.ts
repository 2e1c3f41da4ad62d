import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { BulkInputError, type DataRow, readTable, type ResultRow, resultsCsv, resultsJson, resultsXlsx, type TableLimits, toStream } from "../../../shared/bulk";
import { tooLarge } from "../../../shared/bulk/byte-source";
import { ErrorBodySchema } from "../../../shared/contract/schemas";
import { VERDICTS } from "../../../shared/contract/taxonomy";
import { ApiError } from "../../../shared/http/api-error";
import type { HonoRequest } from "hono";
import { type AppEnv, type Env, edgeSettings } from "../env";
import { jobCoordinator } from "../jobs/coordinator";
import { addressKey, domainChunks, planJob } from "../jobs/plan";
import { r2Source } from "../jobs/r2-source";
import { putBody, putEmails, uploadKey } from "../jobs/upload";

/**
 * Limits of one job. Rows are bounded by what planJob holds in memory (its distinct addresses),
 * bytes by what is sensible to upload at once.
 */
const LIMITS: TableLimits = { maxBytes: 1024 * 1024 * 1024, maxRows: 200_000 };
/** The JSON form is for short lists; a long one belongs in a file. */
const MAX_JSON_EMAILS = 10_000;
/** Addresses per RPC to the job's Durable Object, and messages per sendBatch (the Queues limit). */
const ADD_BATCH = 1_000;
const SEND_BATCH = 100;
/** Rows looked up per RPC while results are written. */
const LOOKUP_BATCH = 500;

const errorResponse = (description: string) => ({ description, content: { "application/json": { schema: ErrorBodySchema } } });

const JobIdSchema = z.object({ id: z.string().uuid().openapi({ param: { name: "id", in: "path" }, description: "The id POST /v1/jobs returned." }) });

const JobCreatedSchema = z
  .object({ id: z.string(), status: z.literal("queued"), total: z.number().int().openapi({ description: "Input rows." }) })
  .openapi("JobCreated");

const JobStatusSchema = z
  .object({
    id: z.string(),
    status: z.enum(["queued", "running", "done", "failed"]),
    total: z.number().int(),
    processed: z.number().int().openapi({ description: "Rows answered so far." }),
    counts: z.object(Object.fromEntries(VERDICTS.map((verdict) => [verdict, z.number().int()])) as Record<(typeof VERDICTS)[number], z.ZodNumber>),
  })
  .openapi("JobStatus");

const EmailsBodySchema = z
  .object({
    emails: z.array(z.string().max(1000)).min(1).max(MAX_JSON_EMAILS),
    webhook_url: z.string().url().optional().openapi({ description: "Stored with the job; not yet called on completion." }),
  })
  .openapi("JobEmails");

const createJobRoute = createRoute({
  method: "post",
  path: "/v1/jobs",
  summary: "Start a bulk job",
  description:
    "A CSV body (`text/csv`, with Content-Length), a multipart form with the file (CSV or XLSX) in `file`, or JSON `{\"emails\": [...]}`. " +
    "The e-mail column is found by its header or its content. Each distinct normalized address is verified once; every row gets its answer. " +
    "`webhook_url` is stored with the job but not yet called.",
  request: {
    body: {
      content: {
        "application/json": { schema: EmailsBodySchema },
        "text/csv": { schema: z.string().openapi({ format: "binary" }) },
        "multipart/form-data": {
          schema: z
            .object({
              file: z.instanceof(File).openapi({ type: "string", format: "binary", description: "The list, CSV or XLSX." }),
              webhook_url: z.string().url().optional(),
            })
            .openapi("JobUpload"),
        },
      },
    },
  },
  responses: {
    202: { description: "The job is queued.", content: { "application/json": { schema: JobCreatedSchema } } },
    400: errorResponse("No e-mail column (the message names the columns found), an empty or unreadable file, or a malformed request."),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    411: errorResponse("A `text/csv` body without Content-Length."),
    413: errorResponse("The file is over the byte or row limit."),
  },
});

const jobStatusRoute = createRoute({
  method: "get",
  path: "/v1/jobs/{id}",
  summary: "A bulk job's progress",
  description: "Counts are per input row: a row is counted once, when its address is answered.",
  request: { params: JobIdSchema },
  responses: {
    200: { description: "The job's progress.", content: { "application/json": { schema: JobStatusSchema } } },
    404: errorResponse("No such job."),
  },
});

const jobResultsRoute = createRoute({
  method: "get",
  path: "/v1/jobs/{id}/results",
  summary: "A bulk job's results",
  description:
    "Every input row, in input order, with its original columns plus verdict, reason and the flags; JSON is `{\"results\": [...]}`. " +
    "Only once the job is done: before that the answer is 409, and the client polls GET /v1/jobs/{id}.",
  request: {
    params: JobIdSchema,
    query: z.object({ format: z.enum(["csv", "xlsx", "json"]).default("csv") }),
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
    404: errorResponse("No such job."),
    409: errorResponse("The job is not done yet."),
  },
});

/** The API's error for a BulkInputError (413 for the limits, 400 otherwise); other errors pass. */
function asApiError(error: unknown): unknown {
  if (!(error instanceof BulkInputError)) return error;
  return new ApiError(error.httpStatus, error.httpStatus === 413 ? "payload_too_large" : "invalid_request", error.message);
}

/** Stores the upload in R2 however it came, and returns the webhook it names, if any. */
async function storeUpload(request: HonoRequest, env: Env, key: string): Promise<string | null> {
  const type = request.header("Content-Type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    // The route validated it already; parsing again (from Hono's cache) gives it its type.
    const { emails, webhook_url } = EmailsBodySchema.parse(await request.json());
    await putEmails(env.JOBS_BUCKET, key, emails);
    return webhook_url ?? null;
  }
  if (type === "multipart/form-data") {
    // The route's validator parsed the form already (Hono caches it), holding the file in
    // memory; a streaming multipart reader is for later.
    const form = await request.formData();
    const file = form.get("file");
    if (!(file instanceof File)) throw new ApiError(400, "invalid_request", "the form has no file in its `file` field");
    if (file.size > LIMITS.maxBytes) throw tooLarge(LIMITS.maxBytes);
    await env.JOBS_BUCKET.put(key, file);
    const webhook = form.get("webhook_url");
    return typeof webhook === "string" ? webhook : null;
  }
  if (type === "text/csv" || type === "text/plain") {
    await putBody(env.JOBS_BUCKET, key, request.raw, LIMITS.maxBytes);
    return null;
  }
  throw new ApiError(400, "invalid_request", "send text/csv, multipart/form-data with a `file`, or application/json {\"emails\": [...]}");
}

/** Opens job `id`'s upload from R2 as a table. */
async function openUpload(env: Env, id: string) {
  const source = await r2Source(env.JOBS_BUCKET, uploadKey(id));
  if (!source) throw new ApiError(404, "not_found", "no such job");
  return readTable(source, LIMITS);
}

async function* joinResults(env: Env, id: string, rows: AsyncIterable<DataRow>): AsyncGenerator<ResultRow> {
  const job = jobCoordinator(env, id);
  let batch: DataRow[] = [];
  const flush = async function* () {
    const answers = await job.lookup([...new Set(batch.map((row) => addressKey(row.email)))]);
    for (const row of batch) {
      const answer = answers[addressKey(row.email)];
      // The job is done, so every key has its answer; a gap is a bug, not a row to drop.
      if (!answer) throw new Error(`job ${id}: row ${row.row} has no answer`);
      yield { ...row, ...answer };
    }
    batch = [];
  };
  for await (const row of rows) {
    batch.push(row);
    if (batch.length === LOOKUP_BATCH) yield* flush();
  }
  yield* flush();
}

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  json: "application/json; charset=utf-8",
} as const;

/** `POST /v1/jobs`, `GET /v1/jobs/{id}` and `GET /v1/jobs/{id}/results`: bulk verification. */
export const jobs = new OpenAPIHono<AppEnv>()
  .openapi(createJobRoute, async (c) => {
    const id = crypto.randomUUID();
    const upload = uploadKey(id);
    try {
      const webhookUrl = await storeUpload(c.req, c.env, upload);
      const table = await openUpload(c.env, id);
      const { total, addresses } = await planJob(table.rows);
      const job = jobCoordinator(c.env, id);
      const planned = [...addresses.values()];
      for (let start = 0; start < planned.length; start += ADD_BATCH) {
        await job.add(planned.slice(start, start + ADD_BATCH).map(({ key, rows }) => ({ key, rows })));
      }
      // Opened before anything is queued, so the consumer always finds the job it answers for.
      const expiresAt = Date.now() + edgeSettings(c.env).jobRetentionDays * 86_400_000;
      await job.open(total, webhookUrl, { uploadKey: upload, expiresAt });
      const chunks = domainChunks(id, planned);
      for (let start = 0; start < chunks.length; start += SEND_BATCH) {
        await c.env.VERIFY_QUEUE.sendBatch(chunks.slice(start, start + SEND_BATCH).map((body) => ({ body })));
      }
      return c.json({ id, status: "queued" as const, total }, 202);
    } catch (error) {
      // A refused upload leaves nothing behind: its bytes are personal data.
      await c.env.JOBS_BUCKET.delete(upload);
      throw asApiError(error);
    }
  })
  .openapi(jobStatusRoute, async (c) => {
    const { id } = c.req.valid("param");
    const status = await jobCoordinator(c.env, id).status();
    if (!status) throw new ApiError(404, "not_found", "no such job");
    return c.json({ id, ...status }, 200);
  })
  .openapi(jobResultsRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { format } = c.req.valid("query");
    const status = await jobCoordinator(c.env, id).status();
    if (!status) throw new ApiError(404, "not_found", "no such job");
    if (status.status !== "done") throw new ApiError(409, "not_ready", `the job is ${status.status}; results come once GET /v1/jobs/${id} says done`);
    const table = await openUpload(c.env, id).catch((error: unknown) => {
      throw asApiError(error);
    });
    const results = joinResults(c.env, id, table.rows);
    const chunks = format === "csv" ? resultsCsv(table.columns, results) : format === "xlsx" ? resultsXlsx(table.columns, results) : resultsJson(results);
    return c.body(toStream(chunks), 200, { "Content-Type": CONTENT_TYPES[format] });
  });
