import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ReputationReviewSchema } from "../../../shared/contract/reputation";
import { ReputationQuerySchema } from "../../../shared/contract/reputation-request";
import { errorResponse } from "../../../shared/contract/schemas";
import type { AppEnv } from "../env";
import { edgeReview } from "../reputation/review";

const route = createRoute({
  method: "get",
  path: "/v1/reputation",
  summary: "Review a sender's reputation: IP and domain block lists, SPF, DMARC and MX",
  request: { query: ReputationQuerySchema },
  responses: {
    200: {
      description: "The findings, each in plain words with its fix. A list that could not be asked is `unknown`, never listed.",
      content: { "application/json": { schema: ReputationReviewSchema } },
    },
    400: errorResponse("Neither a domain nor an ip, a domain that is not one, an ip that is not an IP address, more than 10 IPs."),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    403: errorResponse("The key does not have the `reputation` scope."),
    429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
  },
});

/** `GET /v1/reputation?domain=…&ip=…`: the sender's own reputation review. */
export const reputation = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { domain, ip } = c.req.valid("query");
  return c.json(await edgeReview(c.env, domain ?? null, ip ?? []), 200);
});
