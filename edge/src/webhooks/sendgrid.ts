import { decodeBase64 } from "./base64";
import { ecdsaDerToRaw } from "./der";

/** SendGrid's Signed Event Webhook headers. */
export const SENDGRID_SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const SENDGRID_TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

const P256_INTEGER_BYTES = 32;

/**
 * Whether a SendGrid Event Webhook delivery is signed by the account's key: ECDSA P-256 with
 * SHA-256 over the timestamp header followed by the raw body. `publicKey` is the "verification
 * key" SendGrid shows (base64 of the DER SubjectPublicKeyInfo); the signature header is base64
 * of a DER ECDSA signature.
 *
 * @example
 * await verifySendGridSignature(setting.publicKey, headers.get(SENDGRID_SIGNATURE_HEADER), headers.get(SENDGRID_TIMESTAMP_HEADER), rawBody);
 */
export async function verifySendGridSignature(publicKey: string, signature: string | null, timestamp: string | null, rawBody: Uint8Array): Promise<boolean> {
  const spki = decodeBase64(publicKey);
  const der = signature === null ? null : decodeBase64(signature);
  if (!spki || !der || timestamp === null) return false;
  try {
    const key = await crypto.subtle.importKey("spki", spki, { name: "ECDSA", namedCurve: "P-256" }, false, ["verify"]);
    const signed = new Uint8Array([...new TextEncoder().encode(timestamp), ...rawBody]);
    return await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, ecdsaDerToRaw(der, P256_INTEGER_BYTES), signed);
  } catch {
    return false;
  }
}
