import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { DEFAULT_TIMEOUT_MS, errorResponse, VerifyBodySchema, VerifyQuerySchema, VerifyResultSchema } from "../../../shared/contract/schemas";
import { type AppEnv, edgeSettings } from "../env";
import { logLine } from "../../../shared/log/json-log";
import { analyticsOf } from "../analytics/analytics";
import { listOverrides } from "../lists";
import { rememberResults, suppressionLookup } from "../suppressions/lookup";
import { proberReview } from "../probers/review";
import { verifyAddress } from "../verify";
import type { Context } from "hono";

const responses = {
  200: {
    description: "The verdict for the address, whatever the address is.",
    content: { "application/json": { schema: VerifyResultSchema } },
  },
  400: errorResponse("The request is malformed: no email, an email over 1,000 characters, bad JSON, timeout_ms out of range."),
  401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
  403: errorResponse("The key does not have the `verify` scope, or it is a widget key used from an origin it does not name."),
  429: errorResponse("The key (or, without a secret key, the client address) is over its rate limit; see Retry-After."),
};

const getRoute = createRoute({
  method: "get",
  path: "/v1/verify",
  summary: "Verify one address",
  request: { query: VerifyQuerySchema },
  responses,
});

const postRoute = createRoute({
  method: "post",
  path: "/v1/verify",
  summary: "Verify one address (JSON body)",
  request: { body: { required: true, content: { "application/json": { schema: VerifyBodySchema } } } },
  responses,
});

interface AskedFor {
  email: string;
  smtp?: boolean | undefined;
  timeout_ms?: number | undefined;
  transcript?: boolean | undefined;
}

async function answer(c: Context<AppEnv>, asked: AskedFor) {
  const settings = edgeSettings(c.env);
  const waitUntil = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);
  const callerRegion = c.req.raw.cf?.continent as string | undefined;
  const requestId = c.get("requestId");
  const result = await verifyAddress(
    { email: asked.email, smtp: asked.smtp ?? true, timeoutMs: asked.timeout_ms ?? DEFAULT_TIMEOUT_MS, transcript: asked.transcript ?? false },
    {
      settings,
      lists: await listOverrides(c.env),
      waitUntil,
      regionHint: callerRegion,
      caller: c.get("caller").probeId,
      suppressions: suppressionLookup(c.env, c.get("caller").owner),
      review: await proberReview(c.env, settings, waitUntil),
      requestId,
    },
  );
  c.executionCtx.waitUntil(rememberResults(c.env, c.get("caller").owner, [result]));
  const prober = result.smtp.prober;
  const proberRegion = settings.probers.find(({ id }) => id === prober)?.region ?? "";
  analyticsOf(c.env, waitUntil).verification({ result, proberRegion, callerRegion: callerRegion ?? "", requestId });
  logLine("info", "verification", { request_id: requestId, verdict: result.verdict, reason: result.reason, prober, duration_ms: result.duration_ms });
  return c.json(result, 200);
}

/** `GET` and `POST /v1/verify`: one address, one verdict. */
export const verify = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, (c) => answer(c, c.req.valid("query")))
  .openapi(postRoute, (c) => answer(c, c.req.valid("json")));
