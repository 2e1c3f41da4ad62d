import { timingSafeEqualText } from "../../../shared/http/timing-safe";
import { decodeBase64 } from "./base64";
import { hmacSha256, toBase64 } from "./hmac";

/** The three headers a Svix-signed delivery (Resend's webhooks) carries. */
export interface SvixHeaders {
  id: string | null;
  timestamp: string | null;
  signature: string | null;
}

/**
 * Whether a Svix-signed delivery is signed with the endpoint's secret (`whsec_` and base64 of the
 * key): one of the space-separated `v1,<base64>` signatures is the HMAC-SHA256 of
 * `<id>.<timestamp>.<raw body>`. (That the id is new and the timestamp recent is checked beside it.)
 *
 * @example
 * await verifySvixSignature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", { id, timestamp, signature }, rawBody);
 */
export async function verifySvixSignature(secret: string, headers: SvixHeaders, rawBody: string): Promise<boolean> {
  const key = decodeBase64(secret.replace(/^whsec_/, ""));
  if (!key || key.length === 0 || !headers.id || !headers.timestamp || !headers.signature) return false;
  const expected = toBase64(await hmacSha256(key, `${headers.id}.${headers.timestamp}.${rawBody}`));
  // A rotated secret signs beside the old one: any matching v1 signature will do.
  return headers.signature
    .split(" ")
    .map((entry) => entry.split(",", 2))
    .some(([version, value]) => version === "v1" && value !== undefined && timingSafeEqualText(value, expected));
}
