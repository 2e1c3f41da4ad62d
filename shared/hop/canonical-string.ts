import type { HopClaims } from "./hop-headers";

/**
 * The text the hop signature is computed over: a version tag, then method, path with query,
 * timestamp, nonce and body hash, one per line. None of them can hold a line break (the path
 * comes percent-encoded from the URL parser), so no two requests share a canonical string.
 *
 * @example
 * canonicalHopString(new Request("http://prober/v1/probe?x=1", { method: "POST" }), claims);
 * // "mailvet-hop-v1\nPOST\n/v1/probe?x=1\n1700000000\n<nonce>\n<body hash>"
 */
export function canonicalHopString(request: Request, { timestamp, nonce, contentHash }: HopClaims): string {
  // The host is left out: the edge and the prober may name the prober differently behind a proxy.
  const { pathname, search } = new URL(request.url);
  return ["mailvet-hop-v1", request.method, pathname + search, timestamp, nonce, contentHash].join("\n");
}
