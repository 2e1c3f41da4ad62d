import { createMiddleware } from "hono/factory";
import { ApiError } from "../../../shared/http/api-error";
import { type AppEnv, edgeSettings } from "../env";

/**
 * The period of both `[[ratelimits]]` bindings of wrangler.toml, in seconds (Cloudflare allows
 * 10 or 60): a caller over its limit can go again within it, so it is the Retry-After.
 */
export const RATE_LIMIT_PERIOD_SECONDS = 10;

/**
 * Counts each `/v1/*` request against Cloudflare's rate-limiting bindings (miniflare runs the
 * same ones locally): a secret key against RATE_LIMIT_PER_KEY, anyone else (no key, a public
 * widget key) against RATE_LIMIT_PER_CLIENT by address. Over the limit: 429 with the reason and
 * Retry-After, before any work is done. MAILVET_RATE_LIMIT=0 turns it off (benchmarks).
 *
 * @example
 * app.use("/v1/*", identifyCaller, limitRate);
 */
export const limitRate = createMiddleware<AppEnv>(async (c, next) => {
  if (!edgeSettings(c.env).rateLimit) return next();
  const { limitedAs } = c.get("caller");
  const binding = limitedAs.kind === "key" ? c.env.RATE_LIMIT_PER_KEY : c.env.RATE_LIMIT_PER_CLIENT;
  const { success } = await binding.limit({ key: limitedAs.key });
  if (!success) {
    const who = limitedAs.kind === "key" ? "this API key" : "this client address";
    throw new ApiError(
      429,
      "too_many_requests",
      `${who} sent more requests than its limit allows in ${RATE_LIMIT_PERIOD_SECONDS} s; retry after ${RATE_LIMIT_PERIOD_SECONDS} s`,
      {
        "Retry-After": String(RATE_LIMIT_PERIOD_SECONDS),
      },
    );
  }
  await next();
});
