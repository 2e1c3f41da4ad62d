import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { ReputationScheduleSchema, ScheduleIdSchema } from "../../../shared/contract/reputation";
import { ReputationScheduleBodySchema } from "../../../shared/contract/reputation-request";
import { errorResponse } from "../../../shared/contract/schemas";
import { base64url } from "../../../shared/encoding/base64url";
import { ApiError } from "../../../shared/http/api-error";
import type { AppEnv } from "../env";
import { webhookRefusal, webhookRules } from "../jobs/results/webhook-target";
import { type ScheduleRow, schedulesDb, scheduleView } from "../reputation/schedules-db";

const denied = {
  401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
  403: errorResponse("The key does not have the `reputation` scope."),
  429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
};
const malformed = { 400: errorResponse("The request is malformed (a query that is not UTF-8, an id that is not a schedule id).") };

const createSchedule = createRoute({
  method: "post",
  path: "/v1/reputation/schedules",
  summary: "Review a sender's reputation daily or weekly, and be told by a signed webhook when a finding changes",
  request: { body: { required: true, content: { "application/json": { schema: ReputationScheduleBodySchema } } } },
  responses: {
    201: {
      description: "The schedule, with its webhook secret (shown once). The first review runs at the next hourly Cron run.",
      content: { "application/json": { schema: ReputationScheduleSchema } },
    },
    400: errorResponse(
      "Neither a domain nor ips, a bad domain or IP, `every` not daily or weekly, a webhook URL that is not https or reaches a private address.",
    ),
    ...denied,
  },
});

const listSchedules = createRoute({
  method: "get",
  path: "/v1/reputation/schedules",
  summary: "The key's reputation schedules (every key's for admin)",
  responses: {
    200: { description: "The schedules.", content: { "application/json": { schema: z.object({ schedules: z.array(ReputationScheduleSchema) }) } } },
    ...malformed,
    ...denied,
  },
});

const deleteSchedule = createRoute({
  method: "delete",
  path: "/v1/reputation/schedules/{id}",
  summary: "End a reputation schedule",
  request: { params: ScheduleIdSchema },
  responses: { 204: { description: "Ended." }, 404: errorResponse("No such schedule, or another key's."), ...malformed, ...denied },
});

/** `POST`, `GET /v1/reputation/schedules` and `DELETE /v1/reputation/schedules/{id}`; a schedule is its key's own, as a job is. */
export const reputationSchedules = new OpenAPIHono<AppEnv>()
  .openapi(createSchedule, async (c) => {
    const body = c.req.valid("json");
    const refused = await webhookRefusal(body.webhook_url, webhookRules(c.env));
    if (refused) throw new ApiError(400, "invalid_request", refused);
    const row: ScheduleRow = {
      id: crypto.randomUUID(),
      owner: c.get("caller").owner,
      domain: body.domain ?? null,
      ips: JSON.stringify(body.ips ?? []),
      every_days: body.every === "weekly" ? 7 : 1,
      webhook_url: body.webhook_url,
      webhook_secret: `whsec_${base64url(crypto.getRandomValues(new Uint8Array(24)))}`,
      next_at: Date.now(),
      last_run_at: null,
      last_status: null,
      findings: null,
    };
    await schedulesDb(c.env).insert(row);
    return c.json({ ...scheduleView(row), webhook_secret: row.webhook_secret }, 201);
  })
  .openapi(listSchedules, async (c) => {
    const caller = c.get("caller");
    const rows = await schedulesDb(c.env).list(caller.scopes.has("admin") ? null : caller.owner);
    return c.json({ schedules: rows.map(scheduleView) }, 200);
  })
  .openapi(deleteSchedule, async (c) => {
    const caller = c.get("caller");
    const db = schedulesDb(c.env);
    const row = await db.get(c.req.valid("param").id);
    if (!row || (row.owner !== caller.owner && !caller.scopes.has("admin"))) throw new ApiError(404, "not_found", "no such schedule");
    await db.remove(row.id);
    return c.body(null, 204);
  });
