import { ErrorAnswer, NetworkError } from "../api/client";
import type { Messages } from "./i18n";

/**
 * A failure of the API in plain words for the page: the network, a refused request (4xx, with
 * the server's own message, which names what was wrong), or a server fault.
 *
 * @example
 * setError(describeError(error, t));
 */
export function describeError(error: unknown, t: Messages): string {
  if (error instanceof NetworkError) return t.networkError;
  if (error instanceof ErrorAnswer) {
    if (error.status >= 500) return t.serverError(error.status, error.message);
    return t.requestRefused(error.message);
  }
  return t.serverError(0, error instanceof Error ? error.message : String(error));
}

/** The API said the request needs (another) API key: none or an unknown one (401), or one without the scope (403). */
export function needsApiKey(error: unknown): boolean {
  return error instanceof ErrorAnswer && (error.status === 401 || (error.status === 403 && error.code === "forbidden"));
}
