import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { base64url } from "../../../../shared/encoding/base64url";
import { ApiError } from "../../../../shared/http/api-error";
import { type AppEnv, edgeSettings } from "../../env";
import { jobCoordinator } from "../../jobs/coordinator-stub";
import { openUpload } from "../../jobs/upload/open-upload";
import { planJob } from "../../jobs/upload/plan";
import { forgetJob, recordJobOwner, scheduleReverification } from "../../jobs/jobs-db";
import { uploadKey } from "../../jobs/storage-keys";
import { webhookRefusal, webhookRules } from "../../jobs/results/webhook-target";
import { asApiError, storeJobUpload } from "./store-upload";
import { EmailsBodySchema, JobCreatedSchema } from "../../../../shared/contract/jobs";
import { errorResponse } from "../../../../shared/contract/schemas";

const route = createRoute({
  method: "post",
  path: "/v1/jobs",
  summary: "Start a bulk job",
  description:
    'A CSV body (`text/csv`), a multipart form with the file (CSV or XLSX) in `file`, or JSON `{"emails": [...]}`. ' +
    "The e-mail column is found by its header or its content. Each distinct normalized address is verified once; every row gets its answer.",
  request: {
    body: {
      content: {
        "application/json": { schema: EmailsBodySchema },
        "text/csv": { schema: z.string().openapi({ format: "binary" }) },
        // A plain schema, not zod: the upload streams to R2, so nothing parses the form first.
        "multipart/form-data": {
          schema: {
            type: "object",
            required: ["file"],
            properties: {
              file: { type: "string", format: "binary", description: "The list, CSV or XLSX." },
              webhook_url: { type: "string", format: "uri" },
              reverify_days: { type: "integer", minimum: 1, maximum: 365 },
            },
          },
        },
      },
    },
  },
  responses: {
    202: { description: "The job is queued.", content: { "application/json": { schema: JobCreatedSchema } } },
    400: errorResponse(
      "No e-mail column (the message names the columns found), an empty or unreadable file, a record over 16,384 cells or 1 MiB, an XLSX cell past XFD1048576, a body shorter than its Content-Length, a webhook_url that is not https or points at a private address, or a malformed request.",
    ),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    403: errorResponse("The key does not have the `jobs` scope (a widget key never has it)."),
    413: errorResponse(
      "The file is over MAILVET_JOB_MAX_BYTES or MAILVET_JOB_MAX_ROWS, an XLSX unpacks too far (a zip bomb) or has too many shared strings, or a JSON body is over 2 MiB.",
    ),
    429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
  },
});

/** `POST /v1/jobs`: stores the upload in R2, dedupes its addresses into the job and queues them. */
export const createJob = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const id = crypto.randomUUID();
  const upload = uploadKey(id);
  const job = jobCoordinator(c.env, id);
  try {
    const options = await storeJobUpload(c.req, c.env, upload);
    if (options.reverify_days !== undefined && options.webhook_url === undefined) {
      throw new ApiError(400, "invalid_request", "reverify_days needs a webhook_url: that is where the changed rows are reported");
    }
    const webhookRefused = options.webhook_url && (await webhookRefusal(options.webhook_url, webhookRules(c.env)));
    if (webhookRefused) throw new ApiError(400, "invalid_request", webhookRefused);
    const expiresAt = Date.now() + edgeSettings(c.env).jobRetentionDays * 86_400_000;
    const total = await planJob((await openUpload(c.env, upload)).rows, (batch) => job.add(batch, expiresAt));
    const webhookSecret = options.webhook_url ? `whsec_${base64url(crypto.getRandomValues(new Uint8Array(24)))}` : null;
    await job.open({
      id,
      total,
      uploadKey: upload,
      origin: new URL(c.req.url).origin,
      webhookUrl: options.webhook_url ?? null,
      webhookSecret,
      reverifyDays: options.reverify_days ?? null,
      expiresAt,
    });
    if (options.reverify_days) await scheduleReverification(c.env, id, options.reverify_days);
    await recordJobOwner(c.env, id, c.get("caller").owner);
    return c.json(
      {
        id,
        status: "queued" as const,
        total,
        ...(webhookSecret && { webhook_secret: webhookSecret }),
        ...(options.reverify_days && { reverify_days: options.reverify_days }),
      },
      202,
    );
  } catch (error) {
    // A refused upload leaves nothing behind: its bytes are personal data.
    await c.env.JOBS_BUCKET.delete(upload);
    await job.erase();
    await forgetJob(c.env, id);
    throw asApiError(error);
  }
});
