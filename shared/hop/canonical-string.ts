import type { HopClaims } from "./hop-headers";

/**
 * The text the hop signature is computed over: a version tag, then method, host, path with
 * query, timestamp, nonce and body hash, one per line. None of them can hold a line break (host
 * and path come normalized and percent-encoded from the URL parser), so no two requests share a
 * canonical string.
 *
 * The host is the one the edge addressed (name and port, as `URL.host` writes it). The signer
 * takes it from the request's URL; the prober passes the host it is known by
 * (MAILVET_PROBER_URL), never the Host header it received, so a request captured on its way to
 * one prober is refused by every other prober that shares the key.
 *
 * @example
 * canonicalHopString(new Request("http://prober:8788/v1/probe?x=1", { method: "POST" }), claims);
 * // "mailvet-hop-v2\nPOST\nprober:8788\n/v1/probe?x=1\n1700000000\n<nonce>\n<body hash>"
 */
export function canonicalHopString(request: Request, { timestamp, nonce, contentHash }: HopClaims, host?: string): string {
  const url = new URL(request.url);
  return ["mailvet-hop-v2", request.method, host ?? url.host, url.pathname + url.search, timestamp, nonce, contentHash].join("\n");
}

/**
 * The text a prober's answer is signed over: its status, the nonce of the request it answers
 * (so an answer cannot be replayed as the answer to another request) and its body hash.
 *
 * @example
 * canonicalHopResponseString(200, "<request nonce>", "<body hash>");
 * // "mailvet-hop-response-v2\n200\n<request nonce>\n<body hash>"
 */
export function canonicalHopResponseString(status: number, requestNonce: string, contentHash: string): string {
  return ["mailvet-hop-response-v2", String(status), requestNonce, contentHash].join("\n");
}
