import { createMiddleware } from "hono/factory";
import { ApiError } from "../../../shared/http/api-error";

// A `%` not followed by two hex digits stays literal (as URLSearchParams reads it), so only a
// percent-encoding that is not UTF-8 is refused.
const LONE_PERCENT = /%(?![0-9A-Fa-f]{2})/g;

/**
 * Refuses a query string whose percent-encoding is not valid UTF-8 with a 400. Without it the
 * router would quietly keep the undecodable bytes as `%FF` text, and `%` is a legal character
 * of a local part, so a mangled address would be judged as if the user had typed it.
 *
 * @example
 * app.use("/v1/*", requireUtf8Query);
 */
export const requireUtf8Query = createMiddleware(async (c, next) => {
  const url = c.req.url;
  const start = url.indexOf("?");
  if (start !== -1) {
    try {
      decodeURIComponent(url.slice(start + 1).replace(LONE_PERCENT, "%25"));
    } catch {
      throw new ApiError(400, "invalid_encoding", "the query string is not valid UTF-8 percent-encoding");
    }
  }
  await next();
});
