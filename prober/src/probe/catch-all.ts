import { randomBytes } from "node:crypto";
import { canonicalName } from "../../../shared/dns/wire-name";
import type { RecipientResult } from "../smtp/recipient-result";

/** Domains remembered before the oldest answer is dropped. */
const MAX_DOMAINS = 100_000;

/** An answer being found out lapses after the longest budget a request may have. */
const CLAIM_LIFETIME_MS = 60_000;

/**
 * A local part nobody has: 128 bits from the system's CSPRNG in base 36 (25 characters), so a
 * server cannot have it by chance and a watcher cannot predict it to whitelist it.
 *
 * @example
 * randomLocalPart(); // "3k9x0q…" (25 characters of 0-9a-z)
 */
export function randomLocalPart(): string {
  return BigInt(`0x${randomBytes(16).toString("hex")}`)
    .toString(36)
    .padStart(25, "0");
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
  /** Records what a request learned without asking: a real address refused as unknown means not catch-all. */
  remember(domain: string, mxHost: string, answer: boolean): void;
  /**
   * The answer learned within the TTL; else the one another request is finding out now; else
   * `findOut`'s, shared with every caller until it settles. So a domain costs at most one
   * extra RCPT per TTL. A null answer (nothing learned) is not kept.
   */
  answer(domain: string, mxHost: string, findOut: () => Promise<boolean | null>): Promise<boolean | null>;
}

/**
 * Catch-all answers per domain and the MX host that gave them, for a TTL. The host is part of
 * the key because a backup MX that stores and forwards accepts every address while the
 * primary checks them: its answer must not stand for the primary's, or the other way round.
 *
 * @example
 * const cache = createCatchAllCache(3600);
 * await cache.answer("example.org", "mx.example.org", () => probeRandomAddress()); // asks the server
 * await cache.answer("example.org", "mx.example.org", () => probeRandomAddress()); // remembered: asks nothing
 */
export function createCatchAllCache(ttlSeconds: number, now: () => number = Date.now): CatchAllCache {
  // Insertion order is age, so the first key is the oldest. An answer being found out is a
  // pending promise, kept until it settles (or lapses).
  const entries = new Map<string, { answer: Promise<boolean | null>; expiresAt: number }>();
  const keyOf = (domain: string, mxHost: string) => `${canonicalName(domain)} ${canonicalName(mxHost)}`;
  const put = (key: string, answer: Promise<boolean | null>, lifetimeMs: number) => {
    entries.delete(key);
    entries.set(key, { answer, expiresAt: now() + lifetimeMs });
    if (entries.size > MAX_DOMAINS) entries.delete(entries.keys().next().value!);
  };
  return {
    remember(domain, mxHost, answer) {
      put(keyOf(domain, mxHost), Promise.resolve(answer), ttlSeconds * 1000);
    },
    answer(domain, mxHost, findOut) {
      const key = keyOf(domain, mxHost);
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) return entry.answer;
      const pending = findOut().catch(() => null);
      put(key, pending, CLAIM_LIFETIME_MS);
      void pending.then((answer) => {
        if (entries.get(key)?.answer !== pending) return;
        if (answer === null) entries.delete(key);
        else put(key, pending, ttlSeconds * 1000);
      });
      return pending;
    },
  };
}
