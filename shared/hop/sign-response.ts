import { sha256Base64url } from "../encoding/sha256";
import { canonicalHopResponseString } from "./canonical-string";
import { hmacBase64url, hopKeys } from "./hop-crypto";
import { HOP_HEADERS, SIGNATURE_SCHEME } from "./hop-headers";

/**
 * Signs a prober's answer to a signed request: HMAC-SHA256, with the first hop key, over the
 * status, the request's nonce and the body's hash (canonicalHopResponseString), in
 * X-Mailvet-Signature. Reads the body to hash it and returns a new response with the same
 * status, headers and body. Tied to the nonce, an answer is good for its own request only.
 *
 * @example
 * c.res = await signResponse(c.res, claims.nonce, settings.secrets);
 */
export async function signResponse(response: Response, requestNonce: string, secrets: readonly string[]): Promise<Response> {
  const { signing } = await hopKeys(secrets);
  const body = new Uint8Array(await response.arrayBuffer());
  const canonical = canonicalHopResponseString(response.status, requestNonce, await sha256Base64url(body));
  const headers = new Headers(response.headers);
  headers.set(HOP_HEADERS.signature, SIGNATURE_SCHEME + (await hmacBase64url(signing, canonical)));
  // A status without a body (204, 304) must be rebuilt without one.
  const nullBody = response.body === null || [101, 204, 205, 304].includes(response.status);
  return new Response(nullBody ? null : body, { status: response.status, statusText: response.statusText, headers });
}
