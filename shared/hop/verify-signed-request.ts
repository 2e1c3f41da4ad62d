import { ApiError } from "../http/api-error";
import { canonicalHopString } from "./canonical-string";
import { sha256Base64url } from "../encoding/sha256";
import { signedByAnyKey } from "./hop-crypto";
import { readHopHeaders } from "./hop-headers";
import type { NonceStore } from "./nonce-store";
import { readBodyWithin } from "./read-body-within";

/** How far a request's timestamp may be from the verifier's clock, either way. */
export const HOP_WINDOW_MS = 60_000;

/** The largest body a hop request may have: a probe request is a few hundred bytes. */
export const MAX_HOP_BODY_BYTES = 64 * 1024;

export interface VerifySignedRequestOptions {
  /** The hop secrets; a request signed with any of them is accepted, so keys can be rotated. */
  secrets: readonly string[];
  /**
   * The host (name and port, as `URL.host` writes it) the edge reaches this prober by: a request
   * the edge signed for another host is refused. Never taken from the request itself.
   */
  host: string;
  /** The nonces seen so far; one store per process, shared by all its requests. */
  nonces: NonceStore;
  /** Milliseconds since the epoch; tests move it instead of waiting. */
  now?: () => number;
  maxBodyBytes?: number;
}

/**
 * Checks a signed hop request and resolves to its body, read once and within the limit. Refuses
 * with an ApiError, in this order and before any of the body is read: 401 for missing or
 * malformed hop headers, a timestamp outside ±60 s, a signature made with none of the keys or
 * for another host, or a nonce already used; 429 when the nonce store is full. Then 413 for a body over the limit, and
 * 401 for a body that is not the one signed. Messages name the check, never a key.
 *
 * @example
 * const nonces = createNonceStore();
 * const body = await verifySignedRequest(request, { secrets: settings.secrets, host: "prober.example.net", nonces });
 */
export async function verifySignedRequest(
  request: Request,
  { secrets, host, nonces, now = Date.now, maxBodyBytes = MAX_HOP_BODY_BYTES }: VerifySignedRequestOptions,
): Promise<Uint8Array> {
  const { signature, ...claims } = readHopHeaders(request.headers);
  const signedAt = Number(claims.timestamp) * 1000;
  const skew = now() - signedAt;
  if (skew > HOP_WINDOW_MS) throw refused(`the timestamp is more than ${HOP_WINDOW_MS / 1000} s in the past`);
  if (skew < -HOP_WINDOW_MS) throw refused(`the timestamp is more than ${HOP_WINDOW_MS / 1000} s in the future`);

  // A request signed for another host fails here too: the host compared is this prober's own.
  if (!(await signedByAnyKey(secrets, canonicalHopString(request, claims, host), signature))) throw refused("the signature does not match");

  // A nonce is only remembered once its request proved to come from a key holder, and kept
  // while a replay's timestamp would still pass the window check above.
  const remembered = nonces.remember(claims.nonce, signedAt + HOP_WINDOW_MS, now());
  if (remembered.kind === "replayed") throw refused("the nonce was already used");
  if (remembered.kind === "full") {
    const retryAfterSeconds = String(Math.ceil(remembered.retryAfterMs / 1000));
    throw new ApiError(429, "too_many_requests", "too many hop requests within the replay window", { "Retry-After": retryAfterSeconds });
  }

  const body = await readBodyWithin(request, maxBodyBytes);
  // A plain comparison: the hash is no secret, and the signature already vouched for it.
  if ((await sha256Base64url(body)) !== claims.contentHash) throw refused("the body does not match its signed hash");
  return body;
}

function refused(reason: string): ApiError {
  return new ApiError(401, "unauthorized", `hop request refused: ${reason}`);
}
