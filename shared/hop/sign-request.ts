import { base64url } from "../encoding/base64url";
import { canonicalHopString } from "./canonical-string";
import { sha256Base64url } from "../encoding/sha256";
import { hmacBase64url, hopKeys } from "./hop-crypto";
import { HOP_HEADERS, SIGNATURE_SCHEME, type HopClaims } from "./hop-headers";

/** 128 random bits: a collision within the replay window is out of the question. */
const NONCE_BYTES = 16;

export interface SignRequestOptions {
  /** Milliseconds since the epoch; tests move it instead of waiting. */
  now?: () => number;
}

/**
 * Signs a request for the prober with the first of the hop secrets, the new key during a
 * rotation. Reads the body to hash it and returns a new request with the same method, URL,
 * headers and body plus the hop headers. Each call draws a fresh nonce, so a signed request is
 * good for one delivery within ±60 s.
 *
 * @example
 * const request = new Request(`${prober.url}/v1/probe`, { method: "POST", body: JSON.stringify(probe) });
 * const response = await fetch(await signRequest(request, settings.proberSecrets));
 */
export async function signRequest(request: Request, secrets: readonly string[], { now = Date.now }: SignRequestOptions = {}): Promise<Request> {
  const { signing } = await hopKeys(secrets);
  const body = new Uint8Array(await request.arrayBuffer());
  const claims: HopClaims = {
    timestamp: String(Math.floor(now() / 1000)),
    nonce: base64url(crypto.getRandomValues(new Uint8Array(NONCE_BYTES))),
    contentHash: await sha256Base64url(body),
  };
  const headers = new Headers(request.headers);
  headers.set(HOP_HEADERS.timestamp, claims.timestamp);
  headers.set(HOP_HEADERS.nonce, claims.nonce);
  headers.set(HOP_HEADERS.contentHash, claims.contentHash);
  headers.set(HOP_HEADERS.signature, SIGNATURE_SCHEME + (await hmacBase64url(signing, canonicalHopString(request, claims))));
  return new Request(request.url, {
    method: request.method,
    headers,
    body: request.body === null ? null : body,
    signal: request.signal,
  });
}
