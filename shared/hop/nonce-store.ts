/** What remembering a nonce found. */
export type NonceOutcome =
  | { kind: "fresh" }
  | { kind: "replayed" }
  /** Every slot holds a nonce still inside its window; one frees up after `retryAfterMs`. */
  | { kind: "full"; retryAfterMs: number };

/** The nonces seen within the replay window. */
export interface NonceStore {
  /**
   * Records a nonce to be kept until `keepUntil` (ms since the epoch), or says it was seen
   * already, or that there is no room. `now` is the caller's clock, so the store has none.
   */
  remember(nonce: string, keepUntil: number, now: number): NonceOutcome;
}

export interface NonceStoreOptions {
  /**
   * The most nonces held at once. Default 100,000: with nonces of at most 64 characters that is
   * a few tens of MB at worst, and room for about 800 hop requests a second for the 2 minutes a
   * nonce is kept, far beyond what one prober's SMTP sessions can serve.
   */
  maxEntries?: number;
}

/**
 * A bounded in-memory store of used nonces. It only ever forgets a nonce whose window has
 * passed; when it is full of nonces still inside their window it refuses new ones instead.
 * Forgetting a live nonce would let a captured request be replayed, and would do so exactly when
 * the prober is busiest. Refusing is safe: only requests whose signature verified reach the
 * store, so nobody without a key can fill it, and the edge fails over to another prober.
 *
 * @example
 * const nonces = createNonceStore({ maxEntries: 50_000 });
 * nonces.remember(nonce, timestampMs + 60_000, Date.now()); // { kind: "fresh" }
 */
export function createNonceStore({ maxEntries = 100_000 }: NonceStoreOptions = {}): NonceStore {
  const nonces = new Set<string>();
  // Nonces grouped by the second their window ends in. The verifier only stores nonces whose
  // window ends within a couple of minutes, so there are never more than about 120 groups and
  // each call can walk them all.
  const noncesBySecond = new Map<number, string[]>();

  const forgetExpired = (now: number) => {
    for (const [second, expiring] of noncesBySecond) {
      // Whole seconds only: a nonce may be kept up to a second longer than needed, never shorter.
      if ((second + 1) * 1000 > now) continue;
      for (const nonce of expiring) nonces.delete(nonce);
      noncesBySecond.delete(second);
    }
  };

  return {
    remember(nonce, keepUntil, now) {
      forgetExpired(now);
      if (nonces.has(nonce)) return { kind: "replayed" };
      if (nonces.size >= maxEntries) {
        const firstFreed = (Math.min(...noncesBySecond.keys()) + 1) * 1000;
        return { kind: "full", retryAfterMs: firstFreed - now };
      }
      nonces.add(nonce);
      const second = Math.floor(keepUntil / 1000);
      const expiring = noncesBySecond.get(second);
      if (expiring) expiring.push(nonce);
      else noncesBySecond.set(second, [nonce]);
      return { kind: "fresh" };
    },
  };
}
