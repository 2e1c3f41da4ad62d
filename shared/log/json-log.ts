/** How much a log line matters. */
export type LogLevel = "debug" | "info" | "warn" | "error";

/** A field's value: what JSON can carry. */
export type LogValue = string | number | boolean | null | undefined | readonly LogValue[] | { readonly [key: string]: LogValue };

/**
 * Anything in a text that looks like an e-mail address, local part and all. A log line names a
 * domain at most: a field that would quote an address by mistake (an error's message, a server's
 * reply) keeps its domain and loses its local part.
 */
const ADDRESS = /(?:"(?:[^"\\]|\\.)*"|[^\s@"<>]+)@(?=[^\s@"<>]+)/gu;

/**
 * A text with every local part of an address in it replaced by `…`.
 *
 * @example
 * withoutLocalParts("550 5.1.1 <alice@example.org>: unknown"); // "550 5.1.1 <…@example.org>: unknown"
 */
export function withoutLocalParts(text: string): string {
  return text.replace(ADDRESS, "…@");
}

/**
 * Writes one log line: a JSON object with `time` (ISO 8601, UTC), `level`, `msg` and the fields,
 * on one line, so a log collector reads it without a parser of ours. Both the edge (workerd) and
 * the prober (Node) log through it. Strings lose any address's local part on the way (see
 * withoutLocalParts): callers log domains, ids and counts, and this is the safety net.
 *
 * @example
 * logLine("info", "probe", { request_id: "8f1e2d3c4b5a6978-AMS", domain: "example.org", addresses: 3 });
 * // {"time":"2026-12-04T01:02:03.456Z","level":"info","msg":"probe","request_id":"8f1e…","domain":"example.org","addresses":3}
 */
export function logLine(level: LogLevel, msg: string, fields: Readonly<Record<string, LogValue>> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }, (_key, value: unknown) =>
    typeof value === "string" ? withoutLocalParts(value) : value,
  );
  if (level === "error" || level === "warn") console.error(line);
  else console.log(line);
}
