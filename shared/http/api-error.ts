import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The machine-readable error codes of the API's `{"error": {"code", "message"}}` body. */
export type ApiErrorCode =
  | "invalid_request"
  | "invalid_encoding"
  | "payload_too_large"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "not_ready"
  | "job_failed"
  | "method_not_allowed"
  | "too_many_requests"
  | "internal";

/**
 * The error the edge and the prober answer a request with: whatever goes wrong in a request is
 * thrown as (or turned into) an ApiError, and the one error handler (error-handler.ts) renders
 * it as the contract's error body. (The web app's client calls such an answer an ErrorAnswer.)
 *
 * @example
 * throw new ApiError(400, "invalid_request", "timeout_ms must be between 1000 and 30000");
 */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The response body the contract promises for every error. */
  toBody(): { error: { code: ApiErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}
