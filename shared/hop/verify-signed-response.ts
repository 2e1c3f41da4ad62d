import { sha256Base64url } from "../encoding/sha256";
import { canonicalHopResponseString } from "./canonical-string";
import { signedByAnyKey } from "./hop-crypto";
import { readSignature } from "./hop-headers";
import { readBodyWithin } from "./read-body-within";

/**
 * The largest answer the edge reads from a prober. A full answer (100 addresses, each message
 * cut to 300 characters, the transcript cut to 64 KiB) is a few hundred KB even with every
 * character escaped in JSON.
 */
export const MAX_HOP_RESPONSE_BYTES = 1024 * 1024;

/** Why an answer from a prober was not trusted. */
export class HopResponseError extends Error {
  override readonly name = "HopResponseError";
  constructor(
    readonly code: "too_large" | "unsigned" | "bad_signature",
    message: string,
  ) {
    super(message);
  }
}

export interface VerifySignedResponseOptions {
  secrets: readonly string[];
  /** The nonce of the signed request this answers (its X-Mailvet-Nonce). */
  requestNonce: string;
  maxBodyBytes?: number;
}

/**
 * Reads a prober's answer, within the size limit, and resolves to its body once its signature
 * (signResponse) proves that a holder of a hop key sent exactly this status and body in answer
 * to this request. Rejects with a HopResponseError otherwise: nothing of an answer that fails is
 * to be trusted, the body included.
 *
 * @example
 * const body = await verifySignedResponse(response, { secrets, requestNonce: signed.headers.get(HOP_HEADERS.nonce)! });
 * const answer = JSON.parse(new TextDecoder().decode(body));
 */
export async function verifySignedResponse(
  response: Response,
  { secrets, requestNonce, maxBodyBytes = MAX_HOP_RESPONSE_BYTES }: VerifySignedResponseOptions,
): Promise<Uint8Array> {
  const signature = readSignature(response.headers);
  if (signature === null) {
    await response.body?.cancel();
    throw new HopResponseError("unsigned", "the prober's answer carries no signature");
  }
  const body = await readBodyWithin(response, maxBodyBytes).catch(() => {
    throw new HopResponseError("too_large", `the prober's answer is larger than ${maxBodyBytes} bytes`);
  });
  const canonical = canonicalHopResponseString(response.status, requestNonce, await sha256Base64url(body));
  if (!(await signedByAnyKey(secrets, canonical, signature))) throw new HopResponseError("bad_signature", "the prober's answer does not match its signature");
  return body;
}
