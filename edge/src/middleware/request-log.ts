import { createMiddleware } from "hono/factory";
import { logLine } from "../../../shared/log/json-log";
import { REQUEST_ID_HEADER, requestIdOf } from "../../../shared/log/request-id";
import type { AppEnv } from "../env";

/**
 * Gives each request its id (the caller's X-Request-Id, else CF-Ray, else a new one; see
 * requestIdOf) for the routes to pass on (the probe request carries it to the prober), answers
 * with it in X-Request-Id, and logs one JSON line when the answer is ready: method, path, status,
 * time. The path only: a query may hold the address being checked.
 *
 * @example
 * app.use("*", logRequests);
 * c.get("requestId"); // in a route
 */
export const logRequests = createMiddleware<AppEnv>(async (c, next) => {
  const started = Date.now();
  const requestId = requestIdOf(c.req.raw.headers);
  c.set("requestId", requestId);
  await next();
  c.header(REQUEST_ID_HEADER, requestId);
  logLine(c.res.status >= 500 ? "error" : "info", "request", {
    request_id: requestId,
    method: c.req.method,
    path: c.req.path,
    status: c.res.status,
    duration_ms: Date.now() - started,
  });
});
