import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { errorResponse } from "../../../shared/contract/schemas";
import { type ProbersResponse, ProbersResponseSchema } from "../../../shared/contract/probers";
import { type AppEnv, edgeSettings } from "../env";
import { readReview } from "../probers/review-db";
import { judgeProber, recentBlockDomains } from "../probers/standing";

const probersRoute = createRoute({
  method: "get",
  path: "/v1/probers",
  summary: "The probers' health (admin)",
  description:
    "Each configured prober's region and health: degraded when its last doctor report finds it listed, its PTR/HELO wrong or block replies from several providers, or when servers at several unrelated domains sent it block replies within the window. A degraded prober gets work only when no other can answer. With the last report the Cron fetched and the statuses of the recent ones (oldest first).",
  responses: {
    200: { description: "Every configured prober, in the configured order.", content: { "application/json": { schema: ProbersResponseSchema } } },
    400: errorResponse("The query is not UTF-8."),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    403: errorResponse("The key does not have the `admin` scope."),
    429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
  },
});

/** `GET /v1/probers`: the standing review, read straight from D1 (not the routing cache). */
export const probers = new OpenAPIHono<AppEnv>().openapi(probersRoute, async (c) => {
  const settings = edgeSettings(c.env);
  const now = Date.now();
  const policy = { windowSeconds: settings.proberBlockWindowSeconds, domains: settings.proberBlockDomains };
  const stored = await readReview(c.env.JOBS_DB, now - policy.windowSeconds * 1000);
  const body: ProbersResponse = {
    probers: settings.probers.map(({ id, region }) => {
      const reports = stored.get(id)?.reports ?? [];
      const blocks = stored.get(id)?.blocks ?? new Map<string, number>();
      const last = reports[0];
      return {
        id,
        region,
        ...judgeProber({ reportFindings: last?.findings ?? [], blocks }, policy, now),
        block_domains: recentBlockDomains(blocks, policy, now),
        last_report: last ? { at: new Date(last.at).toISOString(), status: last.status } : null,
        trend: reports.map((report) => report.status).reverse(),
      };
    }),
    block_window_seconds: policy.windowSeconds,
    block_domains_threshold: policy.domains,
  };
  return c.json(body, 200);
});
