/**
 * Unpadded base64url (RFC 4648 §5), as the `dns` parameter of an RFC 8484 GET needs. Uses
 * `btoa`, which Workers and Node both have, instead of Node's Buffer.
 *
 * @example
 * base64url(new Uint8Array([0xfb, 0xff])); // "-_8"
 */
export function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
