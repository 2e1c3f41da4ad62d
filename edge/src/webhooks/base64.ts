/** Decodes standard base64 (with or without padding); null when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed) || trimmed.replace(/=+$/, "").length % 4 === 1) return null;
  const binary = atob(trimmed.padEnd(Math.ceil(trimmed.length / 4) * 4, "="));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The DER bytes of the first PEM block of `label` (e.g. CERTIFICATE), or null.
 *
 * @example
 * pemToDer("-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----", "CERTIFICATE");
 */
export function pemToDer(pem: string, label: string): Uint8Array | null {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  return match ? decodeBase64(match[1]!.replace(/\s+/g, "")) : null;
}
