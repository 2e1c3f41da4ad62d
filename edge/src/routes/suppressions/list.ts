import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../../../../shared/http/api-error";
import { DeleteAllQuerySchema, ListQuerySchema, RemovedSchema, SUPPRESSION_ERRORS, SuppressionPageSchema } from "../../../../shared/contract/suppressions";
import { type AppEnv, edgeSettings } from "../../env";
import { listSuppressions, removeAllSuppressions } from "../../suppressions/store";
import { listOwner } from "./list-owner";

const DEFAULT_PAGE = 100;

const listRoute = createRoute({
  method: "get",
  path: "/v1/suppressions",
  summary: "List the suppression list",
  description: "Entries in force, in address order, a page at a time: hard bounces and complaints, and soft bounces seen within MAILVET_SOFT_BOUNCE_DAYS.",
  request: { query: ListQuerySchema },
  responses: { 200: { description: "One page.", content: { "application/json": { schema: SuppressionPageSchema } } }, ...SUPPRESSION_ERRORS },
});

const deleteAllRoute = createRoute({
  method: "delete",
  path: "/v1/suppressions",
  summary: "Empty the suppression list, or remove every entry of one kind",
  description: "Needs `kind` or `all=true`, so that an empty DELETE removes nothing by accident.",
  request: { query: DeleteAllQuerySchema },
  responses: { 200: { description: "How many entries were removed.", content: { "application/json": { schema: RemovedSchema } } }, ...SUPPRESSION_ERRORS },
});

/** `GET` and `DELETE /v1/suppressions`: the caller's whole list. */
export const suppressionList = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, async (c) => {
    const { owner, kind, limit, after } = c.req.valid("query");
    const page = await listSuppressions(
      c.env.JOBS_DB,
      listOwner(c, owner),
      { kind, after, limit: limit ?? DEFAULT_PAGE },
      new Date(),
      edgeSettings(c.env).softBounceDays,
    );
    return c.json(page, 200);
  })
  .openapi(deleteAllRoute, async (c) => {
    const { owner, kind, all } = c.req.valid("query");
    if (kind === undefined && all === undefined) throw new ApiError(400, "invalid_request", "say what to remove: kind=hard|soft|complaint, or all=true");
    return c.json({ removed: await removeAllSuppressions(c.env.JOBS_DB, listOwner(c, owner), kind) }, 200);
  });
