import type { Context } from "hono";
import { logLine } from "../log/json-log";
import { HTTPException } from "hono/http-exception";
import { ApiError, type ApiErrorCode } from "./api-error";

const CODE_BY_STATUS: Partial<Record<number, ApiErrorCode>> = {
  400: "invalid_request",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
  413: "payload_too_large",
};

/**
 * Turns anything thrown while serving a request into an ApiError. Hono's own exceptions (the
 * body limit, for one) keep their status; anything unexpected becomes a 500 whose text says
 * nothing of the internals.
 *
 * @example
 * toApiError(new HTTPException(413)).code; // "payload_too_large"
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    // The contract answers "a body that is not JSON" with 400, whatever its media type.
    if (error.status === 415) return new ApiError(400, "invalid_request", "the body must be JSON (Content-Type: application/json)");
    const code = CODE_BY_STATUS[error.status];
    if (code) return new ApiError(error.status as 400, code, error.message || code.replaceAll("_", " "));
  }
  return new ApiError(500, "internal", "internal error");
}

/**
 * The one error handler of both HTTP apps (`app.onError(handleError)`): renders every error as
 * `{"error": {"code", "message"}}`, never a stack trace. An unexpected error is logged by its
 * stack frames only, because its message may quote the address being checked.
 *
 * @example
 * const app = new Hono();
 * app.onError(handleError);
 */
export function handleError(error: unknown, c: Context): Response {
  const apiError = toApiError(error);
  if (apiError.status >= 500) {
    const frames = error instanceof Error ? (error.stack ?? "").split("\n").slice(1).join("\n") : "";
    logLine("error", "internal error", { error: error instanceof Error ? error.name : typeof error, stack: frames });
  }
  return c.json(apiError.toBody(), apiError.status, apiError.headers);
}
