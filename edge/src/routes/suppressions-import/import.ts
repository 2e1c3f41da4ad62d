import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { errorResponse } from "../../../../shared/contract/schemas";
import { streamChunks } from "../../../../shared/bulk/byte-source";
import { decodeText } from "../../../../shared/bulk/decode-text";
import { bouncesFromCsv } from "../../../../shared/bounces/import/csv-bounces";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
import { requireScope } from "../../middleware/api-key";
import { asApiError } from "../jobs/store-upload";
import { recordBounces } from "../../suppressions/store";

/** The skipped items an answer lists; the count covers them all. */
const MAX_REASONS = 100;

const Imported = z
  .object({
    imported: z.number().int().openapi({ description: "bounces filed on the caller's suppression list" }),
    skipped: z.number().int(),
    reasons: z
      .array(z.object({ item: z.number().int(), reason: z.string() }))
      .openapi({ description: `why items were skipped (row of the CSV, or message of the mbox), the first ${MAX_REASONS}` }),
  })
  .openapi("SuppressionImport");

const route = createRoute({
  method: "post",
  path: "/v1/suppressions/import",
  summary: "Import bounces from a file",
  description:
    "A CSV of bounces as an ESP exports them (SendGrid, Mailgun, Postmark, SES suppression list, or any list with a header naming the recipient column), sent as `text/csv`. Each bounce is classified (hard, soft, complaint) and filed on the caller's suppression list. At most 2 MiB.",
  request: { body: { content: { "text/csv": { schema: z.string() } }, required: true } },
  responses: {
    200: { description: "What was imported, and what was skipped and why.", content: { "application/json": { schema: Imported } } },
    400: errorResponse("Not sent as text/csv, no body, or a row too large to read."),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    403: errorResponse("The key does not have the `jobs` scope."),
    413: errorResponse("The body is larger than 2 MiB."),
    429: errorResponse("The key is over its rate limit; see Retry-After."),
  },
});

/** `POST /v1/suppressions/import`: bounces from an ESP's CSV export onto the caller's list. */
export const importSuppressions = new OpenAPIHono<AppEnv>();
// Writing the list is for keys that run jobs; a widget key (public, verify only) must not.
importSuppressions.use("/v1/suppressions/import", requireScope("jobs"));
importSuppressions.openapi(route, async (c) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "text/csv") throw new ApiError(400, "invalid_request", "send the file as text/csv");
  const now = new Date();
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, "invalid_request", "the body is empty: send the CSV file");
  const read = await bouncesFromCsv(decodeText(streamChunks(body)), now).catch((error: unknown) => {
    throw asApiError(error);
  });
  const { recorded, skipped } = await recordBounces(c.env.JOBS_DB, c.get("caller").owner, read.bounces, now);
  const reasons = read.skipped.slice(0, MAX_REASONS);
  return c.json({ imported: recorded, skipped: read.skipped.length + skipped, reasons }, 200);
});
