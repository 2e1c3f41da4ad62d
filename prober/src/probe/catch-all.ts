import { randomBytes } from "node:crypto";
import { canonicalName } from "../../../shared/dns/wire-name";
import type { RecipientResult } from "../smtp/recipient-result";

/** Domains remembered before the oldest answer is dropped. */
const MAX_DOMAINS = 100_000;

/** A claim lapses after the longest budget a request may have, should its owner never settle. */
const CLAIM_LIFETIME_MS = 60_000;

/**
 * A local part nobody has: 128 bits from the system's CSPRNG in base 36 (25 characters), so a
 * server cannot have it by chance and a watcher cannot predict it to whitelist it.
 *
 * @example
 * randomLocalPart(); // "3k9x0q…" (25 characters of 0-9a-z)
 */
export function randomLocalPart(): string {
  return BigInt(`0x${randomBytes(16).toString("hex")}`).toString(36).padStart(25, "0");
}

/**
 * What one reply about an address nobody has says of the domain: accepted means any local
 * part is (catch-all); refused as unknown or disabled means the server checks mailboxes; a
 * greylisting, a timeout or a block says nothing, and null is not remembered.
 *
 * @example
 * catchAllFrom({ reason: "accepted" } as RecipientResult); // true
 */
export function catchAllFrom(result: Pick<RecipientResult, "reason">): boolean | null {
  if (result.reason === "accepted") return true;
  if (result.reason === "mailbox_not_found" || result.reason === "mailbox_disabled") return false;
  return null;
}

export interface CatchAllCache {
  /** The answer learned within the TTL, or undefined. */
  get(domain: string, mxHost: string): boolean | undefined;
  /**
   * True when the caller should find out (and then `settle`); false when an answer is known
   * or another request is finding out, so a domain costs at most one extra RCPT per TTL.
   */
  claim(domain: string, mxHost: string): boolean;
  /** Records an answer (null: none learned, the next caller may try). Ends the claim. */
  settle(domain: string, mxHost: string, answer: boolean | null): void;
}

/**
 * Catch-all answers per domain and the MX host that gave them, for a TTL. The host is part of
 * the key because a backup MX that stores and forwards accepts every address while the
 * primary checks them: its answer must not stand for the primary's, or the other way round.
 *
 * @example
 * const cache = createCatchAllCache(3600);
 * if (cache.claim("example.org", "mx.example.org")) cache.settle("example.org", "mx.example.org", true);
 * cache.get("example.org", "mx.example.org"); // true
 */
export function createCatchAllCache(ttlSeconds: number, now: () => number = Date.now): CatchAllCache {
  // Insertion order is age, so the first key is the oldest; a claim is an entry without answer.
  const entries = new Map<string, { answer: boolean | null; expiresAt: number }>();
  const keyOf = (domain: string, mxHost: string) => `${canonicalName(domain)} ${canonicalName(mxHost)}`;
  const live = (key: string) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt > now()) return entry;
    entries.delete(key);
    return undefined;
  };
  const put = (key: string, answer: boolean | null, lifetimeMs: number) => {
    entries.delete(key);
    entries.set(key, { answer, expiresAt: now() + lifetimeMs });
    if (entries.size > MAX_DOMAINS) entries.delete(entries.keys().next().value!);
  };
  return {
    get: (domain, mxHost) => live(keyOf(domain, mxHost))?.answer ?? undefined,
    claim(domain, mxHost) {
      const key = keyOf(domain, mxHost);
      if (live(key)) return false;
      put(key, null, CLAIM_LIFETIME_MS);
      return true;
    },
    settle(domain, mxHost, answer) {
      const key = keyOf(domain, mxHost);
      if (answer === null) entries.delete(key);
      else put(key, answer, ttlSeconds * 1000);
    },
  };
}
