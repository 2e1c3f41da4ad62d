import { base64url } from "./base64url";

/**
 * SHA-256 of some bytes, unpadded base64url: short, URL-safe and the same in workerd and Node.
 *
 * @example
 * await sha256Base64url(new Uint8Array()); // "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"
 */
export async function sha256Base64url(bytes: Uint8Array): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest("SHA-256", bytes)));
}
