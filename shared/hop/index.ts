/**
 * The signed hop between the edge and the prober: the edge signs each request with HMAC-SHA256
 * over method, path, timestamp, nonce and body hash; the prober accepts it once, within ±60 s,
 * under any of its configured keys. Web Crypto only, so it runs in workerd and in Node. The Hono
 * middleware for the prober is in `./hono-middleware`.
 *
 * @example
 * const signed = await signRequest(new Request(url, { method: "POST", body }), secrets);
 * const checkedBody = await verifyRequest(signed, { secrets, nonces: createNonceStore() });
 */
export { HOP_HEADERS } from "./hop-headers";
export { createNonceStore, type NonceStore, type NonceStoreOptions } from "./nonce-store";
export { signRequest, type SignRequestOptions } from "./sign-request";
export { HOP_WINDOW_MS, MAX_HOP_BODY_BYTES, verifyRequest, type VerifyRequestOptions } from "./verify-request";
