import { timingSafeEqualText } from "../../../shared/http/timing-safe";
import { hmacSha256, toHex } from "./hmac";

/** The `signature` object of a Mailgun webhook body. */
export interface MailgunSignature {
  timestamp: string;
  token: string;
  signature: string;
}

/**
 * Whether a Mailgun webhook is signed with the account's HTTP webhook signing key: the hex
 * HMAC-SHA256 of timestamp followed by token. (That the token is new, and the timestamp recent,
 * is checked beside it.)
 *
 * @example
 * await verifyMailgunSignature(setting.signingKey, body.signature);
 */
export async function verifyMailgunSignature(signingKey: string, { timestamp, token, signature }: MailgunSignature): Promise<boolean> {
  return timingSafeEqualText(signature.toLowerCase(), toHex(await hmacSha256(signingKey, `${timestamp}${token}`)));
}
