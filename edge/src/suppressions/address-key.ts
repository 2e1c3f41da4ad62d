import { parseAddress } from "../../../shared/address/parse";

/** An address as the suppression list files it. */
export interface SuppressedAddress {
  /** The normalised address (local part as given, domain lower-cased in A-labels): what is shown. */
  address: string;
  /** The whole address lower-cased: what is matched, as mail servers match local parts case-insensitively. */
  key: string;
}

/**
 * The suppression list's forms of an address (a bounce's recipient, a verified address, a path
 * parameter), or null when it is not an address. Angle brackets around it are dropped, as DSNs and
 * ESP exports often keep them.
 *
 * @example
 * suppressedAddress("<Alice@Example.COM>"); // { address: "Alice@example.com", key: "alice@example.com" }
 * suppressedAddress("not an address"); // null
 */
export function suppressedAddress(input: string): SuppressedAddress | null {
  const trimmed = input.trim().replace(/^<(.*)>$/s, "$1");
  const parsed = parseAddress(trimmed);
  if (!parsed.ok) return null;
  return { address: parsed.address.normalized, key: parsed.address.normalized.toLowerCase() };
}

const encoder = new TextEncoder();

/**
 * The key verdict memory files an address by: a SHA-256 of its matching form, so the table that
 * learns from bounces never holds an address.
 *
 * @example
 * await addressHash("alice@example.com"); // 64 hex digits
 */
export async function addressHash(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(`mailvet-address:${key}`)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
