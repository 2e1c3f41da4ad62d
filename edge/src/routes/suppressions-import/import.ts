import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { errorResponse } from "../../../../shared/contract/schemas";
import { streamChunks } from "../../../../shared/bulk/byte-source";
import { decodeText } from "../../../../shared/bulk/decode-text";
import { bouncesFromCsv } from "../../../../shared/bounces/import/csv-bounces";
import type { ImportResult } from "../../../../shared/bounces/import/import-result";
import { bouncesFromMbox } from "../../../../shared/bounces/import/mbox-bounces";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";
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
    "A CSV of bounces as an ESP exports them (SendGrid, Mailgun, Postmark, SES suppression list, or any list with a header naming the recipient column), sent as `text/csv`; or an mbox file of bounce messages (DSNs, ARF complaints), sent as `application/mbox`. Each bounce is classified (hard, soft, complaint) and filed on the caller's suppression list. At most 2 MiB.",
  request: { body: { content: { "text/csv": { schema: z.string() }, "application/mbox": { schema: z.string() } }, required: true } },
  responses: {
    200: { description: "What was imported, and what was skipped and why.", content: { "application/json": { schema: Imported } } },
    400: errorResponse("Not sent as text/csv or application/mbox, no body, or a row too large to read."),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    403: errorResponse("The key does not have the `jobs` scope."),
    413: errorResponse("The body is larger than 2 MiB."),
    429: errorResponse("The key is over its rate limit; see Retry-After."),
  },
});

/** `POST /v1/suppressions/import`: bounces from an ESP's CSV export or an mbox of DSNs onto the caller's list. */
// The app asks for the jobs scope on /v1/suppressions/*: a widget key (public) never writes a list.
export const importSuppressions = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const now = new Date();
  const body = c.req.raw.body;
  if (!body) throw new ApiError(400, "invalid_request", "the body is empty: send the file");
  let read: ImportResult;
  if (type === "text/csv") {
    read = await bouncesFromCsv(decodeText(streamChunks(body)), now).catch((error: unknown) => {
      throw asApiError(error);
    });
  } else if (type === "application/mbox") {
    read = await bouncesFromMbox(await c.req.text(), now);
  } else throw new ApiError(400, "invalid_request", "send a CSV export as text/csv, or an mbox of bounces as application/mbox");
  const { recorded, skipped } = await recordBounces(c.env.JOBS_DB, c.get("caller").owner, read.bounces, now);
  const reasons = read.skipped.slice(0, MAX_REASONS);
  return c.json({ imported: recorded, skipped: read.skipped.length + skipped, reasons }, 200);
});
