import { ApiError } from "../http/api-error";

/** The headers a signed hop request carries. */
export const HOP_HEADERS = {
  /** Unix seconds when the edge signed. */
  timestamp: "X-Mailvet-Timestamp",
  /** At least 128 random bits, base64url: no two requests share one. */
  nonce: "X-Mailvet-Nonce",
  /** SHA-256 of the body, base64url, so the signature covers the body without the body in it. */
  contentHash: "X-Mailvet-Content-SHA256",
  /** `v2=` and the HMAC-SHA256 of the canonical string, base64url. On an answer: of the canonical response string. */
  signature: "X-Mailvet-Signature",
} as const;

/** The scheme of the signature header; a new scheme would get a new prefix. */
export const SIGNATURE_SCHEME = "v2=";

/** What the signer claims about a request: the signed header values, as sent. */
export interface HopClaims {
  timestamp: string;
  nonce: string;
  contentHash: string;
}

// Tight formats: whatever else arrives is refused before any cryptography is done with it.
const TIMESTAMP = /^\d{1,12}$/;
const NONCE = /^[A-Za-z0-9_-]{22,64}$/;
const BASE64URL_256_BITS = /^[A-Za-z0-9_-]{43}$/;

/**
 * Reads the hop headers of a request, or throws a 401 ApiError naming the header that is
 * missing or malformed. The values are returned exactly as sent, because they are what was signed.
 *
 * @example
 * const { timestamp, nonce, contentHash, signature } = readHopHeaders(request.headers);
 */
export function readHopHeaders(headers: Headers): HopClaims & { signature: string } {
  required(headers, HOP_HEADERS.signature);
  return {
    timestamp: wellFormed(headers, HOP_HEADERS.timestamp, TIMESTAMP),
    nonce: wellFormed(headers, HOP_HEADERS.nonce, NONCE),
    contentHash: wellFormed(headers, HOP_HEADERS.contentHash, BASE64URL_256_BITS),
    signature: readSignature(headers) ?? malformed(HOP_HEADERS.signature),
  };
}

/**
 * The signature of a signed request or answer, without its scheme prefix, or null when the
 * header is missing or not a signature of the current scheme.
 *
 * @example
 * readSignature(response.headers); // "3q2-7w…" (43 characters) or null
 */
export function readSignature(headers: Headers): string | null {
  const header = headers.get(HOP_HEADERS.signature);
  if (header === null || !header.startsWith(SIGNATURE_SCHEME)) return null;
  const signature = header.slice(SIGNATURE_SCHEME.length);
  return BASE64URL_256_BITS.test(signature) ? signature : null;
}

function required(headers: Headers, name: string): string {
  const value = headers.get(name);
  if (value === null) throw new ApiError(401, "unauthorized", `unsigned hop request: ${name} is missing`);
  return value;
}

function wellFormed(headers: Headers, name: string, format: RegExp): string {
  const value = required(headers, name);
  return format.test(value) ? value : malformed(name);
}

function malformed(name: string): never {
  throw new ApiError(401, "unauthorized", `hop request refused: ${name} is malformed`);
}
