import { base32, fromBase32 } from "../encoding/base32";
import { timingSafeEqualText } from "../http/timing-safe";

/**
 * A signed VERP return path, so that a bounce is accepted only for mail we sent: the local part
 * `b+<owner>.<recipient hash>.<mac>` names the owner (base32), a hash of the recipient, and an
 * HMAC-SHA256 over both and the domain. Only `a-z2-7.+` appear, so an MTA that lower-cases the
 * address does not break it; verification lower-cases first. A forged bounce would need the
 * secret to name another owner or recipient.
 */

const encoder = new TextEncoder();
const HASH_CHARS = 10; // 50 bits: the recipient is checked against the one address the DSN names
const MAC_CHARS = 16; // 80 bits
const LOCAL_PART_MAX = 64; // RFC 5321 §4.5.3.1.1
const TAG = /^b\+([a-z2-7]+)\.([a-z2-7]{10})\.([a-z2-7]{16})@([^@\s]+)$/;

async function recipientHashOf(address: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", encoder.encode(address.trim().toLowerCase()));
  return base32(new Uint8Array(digest)).slice(0, HASH_CHARS);
}

async function macOf(secret: string, signed: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`mailvet-return-path\n${signed}`));
  return base32(new Uint8Array(mac)).slice(0, MAC_CHARS);
}

/**
 * The return path for a message to `recipient` sent for `owner`. Throws a RangeError when the
 * owner is too long for a local part (more than 21 bytes).
 *
 * @example
 * await makeReturnPath({ owner: "key:1a2b", recipient: "a@example.org", domain: "bounces.example.com", secret });
 * // "b+<owner in base32>.<10-char recipient hash>.<16-char mac>@bounces.example.com"
 */
export async function makeReturnPath({
  owner,
  recipient,
  domain,
  secret,
}: {
  owner: string;
  recipient: string;
  domain: string;
  secret: string;
}): Promise<string> {
  const ownerPart = base32(encoder.encode(owner));
  const recipientHash = await recipientHashOf(recipient);
  const signed = `b+${ownerPart}.${recipientHash}`;
  if (signed.length + 1 + MAC_CHARS > LOCAL_PART_MAX) throw new RangeError("the owner is too long for a return path (at most 21 bytes)");
  return `${signed}.${await macOf(secret, `${signed}@${domain.toLowerCase()}`)}@${domain.toLowerCase()}`;
}

/**
 * The owner and recipient hash of a return path made by `makeReturnPath` with any of the
 * secrets (a rotation accepts the old and the new), or null when it is not one or was altered.
 *
 * @example
 * await verifyReturnPath(message.to, settings.bounceSecrets); // { owner: "key:1a2b", recipientHash: "..." }
 */
export async function verifyReturnPath(envelopeTo: string, secrets: readonly string[]): Promise<{ owner: string; recipientHash: string } | null> {
  const match = TAG.exec(envelopeTo.trim().replace(/^<|>$/g, "").toLowerCase());
  if (!match) return null;
  const [, ownerPart = "", recipientHash = "", mac = "", domain = ""] = match;
  const ownerBytes = fromBase32(ownerPart);
  if (!ownerBytes) return null;
  let owner: string;
  try {
    owner = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(ownerBytes);
  } catch {
    return null;
  }
  const signed = `b+${ownerPart}.${recipientHash}@${domain}`;
  const expected = await Promise.all(secrets.map((secret) => macOf(secret, signed)));
  // Every secret is compared, in constant time, so the time taken does not tell which came close.
  return expected.map((candidate) => timingSafeEqualText(candidate, mac)).includes(true) ? { owner, recipientHash } : null;
}

/**
 * Whether a bounced address is the recipient a return path was made for (compared without case).
 *
 * @example
 * await recipientMatches(verified.recipientHash, bounce.recipient); // true only for that recipient
 */
export async function recipientMatches(recipientHash: string, address: string): Promise<boolean> {
  return timingSafeEqualText(await recipientHashOf(address), recipientHash.toLowerCase());
}
