import { timingSafeEqualText } from "../../../shared/http/timing-safe";

/**
 * Whether an `Authorization: Basic …` header carries exactly this user name and password
 * (Postmark sends the ones written into the webhook URL this way), compared in constant time.
 *
 * @example
 * matchesBasicAuth(c.req.header("authorization"), "postmark", "s3cret-password-1234"); // true or false
 */
export function matchesBasicAuth(header: string | undefined, username: string, password: string): boolean {
  const encoded = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header ?? "")?.[1];
  let presented = "";
  try {
    presented = encoded ? atob(encoded) : "";
  } catch {
    presented = "";
  }
  return timingSafeEqualText(presented, `${username}:${password}`);
}
