/**
 * The signed hop between the edge and the prober: the edge signs each request with HMAC-SHA256
 * over method, the prober's host, path, timestamp, nonce and body hash; the prober accepts it
 * once, within ±60 s, under any of its configured keys, only when it is the host signed for, and
 * signs its answer over status, the request's nonce and body hash, which the edge checks (within
 * a size limit) before it trusts a word of it. Web Crypto only, so it runs in workerd and in
 * Node. The Hono middleware for the prober is in `./hono-middleware`.
 *
 * @example
 * const signed = await signRequest(new Request(url, { method: "POST", body }), secrets);
 * const checkedBody = await verifySignedRequest(signed, { secrets, host: new URL(url).host, nonces: createNonceStore() });
 * const answerBody = await verifySignedResponse(await fetch(signed), { secrets, requestNonce: signed.headers.get(HOP_HEADERS.nonce)! });
 */
export { HOP_HEADERS } from "./hop-headers";
export { createNonceStore, type NonceStore, type NonceStoreOptions } from "./nonce-store";
export { signRequest, type SignRequestOptions } from "./sign-request";
export { signResponse } from "./sign-response";
export { HOP_WINDOW_MS, MAX_HOP_BODY_BYTES, verifySignedRequest, type VerifySignedRequestOptions } from "./verify-signed-request";
export { HopResponseError, MAX_HOP_RESPONSE_BYTES, verifySignedResponse, type VerifySignedResponseOptions } from "./verify-signed-response";
