import { createMiddleware } from "hono/factory";
import { ApiError } from "../../../shared/http/api-error";
import { timingSafeEqualText } from "../../../shared/http/timing-safe";
import { type AppEnv, edgeSettings } from "../env";

/**
 * Guards `/v1/*` when MAILVET_API_KEYS is set: the request must carry
 * `Authorization: Bearer <key>` with one of the keys. Unset, the API is open (local use).
 *
 * @example
 * app.use("/v1/*", requireApiKey);
 */
export const requireApiKey = createMiddleware<AppEnv>(async (c, next) => {
  const { apiKeys } = edgeSettings(c.env);
  if (apiKeys.length > 0) {
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1] ?? "";
    // Compare against every key, so the time taken does not tell which key came close.
    const matches = apiKeys.map((key) => timingSafeEqualText(presented, key));
    if (!matches.includes(true)) {
      throw new ApiError(401, "unauthorized", "a valid API key is required: Authorization: Bearer <key>", {
        "WWW-Authenticate": 'Bearer realm="mailvet"',
      });
    }
  }
  await next();
});
