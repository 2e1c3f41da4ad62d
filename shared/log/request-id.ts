/** The header a request id travels in, both ways: the caller's, the edge's answer, the prober's. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/**
 * What a request id may be: letters, digits and `._:-`, up to 128 characters. Enough for UUIDs,
 * Cloudflare's `CF-Ray` (`8f1e2d3c4b5a6978-AMS`) and most tracing ids; nothing that could break
 * a log line or a header.
 */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The id a request is logged by: the caller's `X-Request-Id` when it is well formed (so a
 * caller can follow its own request), else Cloudflare's `CF-Ray`, else a new UUID.
 *
 * @example
 * requestIdOf(new Headers({ "CF-Ray": "8f1e2d3c4b5a6978-AMS" })); // "8f1e2d3c4b5a6978-AMS"
 * requestIdOf(new Headers()); // e.g. "3b241101-e2bb-4255-8caf-4136c566a962"
 */
export function requestIdOf(headers: Headers): string {
  for (const name of [REQUEST_ID_HEADER, "CF-Ray"]) {
    const value = headers.get(name);
    if (value !== null && REQUEST_ID.test(value)) return value;
  }
  return crypto.randomUUID();
}
