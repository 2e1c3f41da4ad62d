import { base64url } from "../encoding/base64url";
import { timingSafeEqualText } from "../http/timing-safe";

const encoder = new TextEncoder();

// Named through Web Crypto itself: Node's types have no global CryptoKey, workerd's do.
type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** The keys of one MAILVET_PROBER_SECRET list: the signer's, and every key a verifier accepts. */
export interface HopKeys {
  /** The first key of the list: during a rotation, the new one. */
  readonly signing: HmacKey;
  /** Every key of the list, in its order. */
  readonly all: readonly HmacKey[];
}

// Keyed by the list itself: the edge and the prober parse their settings once, so each process
// imports its keys once, and a list that is no longer referenced takes its keys with it.
const keysBySecrets = new WeakMap<readonly string[], Promise<HopKeys>>();

/**
 * The HMAC-SHA256 keys for a list of hop secrets, imported on first use and cached for as long
 * as the list lives. The keys can only sign: a verifier signs and compares, too.
 *
 * @example
 * const { signing } = await hopKeys(settings.proberSecrets);
 */
export function hopKeys(secrets: readonly string[]): Promise<HopKeys> {
  let keys = keysBySecrets.get(secrets);
  if (keys === undefined) {
    if (secrets.length === 0) throw new Error("the hop needs at least one key (MAILVET_PROBER_SECRET)");
    keys = importKeys(secrets);
    keysBySecrets.set(secrets, keys);
  }
  return keys;
}

async function importKeys(secrets: readonly string[]): Promise<HopKeys> {
  const all = await Promise.all(
    secrets.map((secret) => crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"])),
  );
  return { signing: all[0]!, all };
}

/**
 * HMAC-SHA256 of a text, unpadded base64url.
 *
 * @example
 * await hmacBase64url(keys.signing, canonicalHopString(request, claims)); // 43 characters
 */
export async function hmacBase64url(key: HmacKey, text: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(text))));
}

/**
 * Whether a signature is the HMAC of a text under any of the keys (a rotation has two). Every
 * key is compared in constant time, so the time taken does not tell which key came close.
 *
 * @example
 * if (!(await signedByAnyKey(secrets, canonical, signature))) throw refused("the signature does not match");
 */
export async function signedByAnyKey(secrets: readonly string[], text: string, signature: string): Promise<boolean> {
  const { all } = await hopKeys(secrets);
  const expected = await Promise.all(all.map((key) => hmacBase64url(key, text)));
  return expected.map((candidate) => timingSafeEqualText(candidate, signature)).includes(true);
}
