import { canonicalName } from "../../../shared/dns/wire-name";

/** Buckets kept before full ones (which need no memory) are swept out. */
const SWEEP_ABOVE_BUCKETS = 10_000;

export interface RcptGrant {
  /** RCPT commands the caller may send; 0 when not even one fits before the deadline. */
  readonly granted: number;
  /** Milliseconds to wait before sending them. */
  readonly waitMs: number;
}

export interface DomainRate {
  /**
   * Reserves up to `wanted` RCPT commands to `domain`, as many as the bucket can give by
   * `withinMs` from now (never more than one second's worth at once), and says how long to
   * wait before sending them. Reserved tokens are spent: later callers wait behind them.
   */
  reserve(domain: string, wanted: number, withinMs: number): RcptGrant;
}

/**
 * A token bucket per domain: `perSecond` RCPT commands a second, with bursts of one second's
 * worth (at least one). Callers reserve before they send, so concurrent requests for one
 * domain queue in time rather than in memory.
 *
 * @example
 * const rate = createDomainRate(5);
 * const { granted, waitMs } = rate.reserve("example.org", 12, deadline.remainingMs()); // { granted: 5, waitMs: 0 }
 */
export function createDomainRate(perSecond: number, now: () => number = () => performance.now()): DomainRate {
  const capacity = Math.max(1, perSecond);
  const perMs = perSecond / 1000;
  const buckets = new Map<string, { tokens: number; at: number }>();

  const tokensNow = (bucket: { tokens: number; at: number }, time: number) => Math.min(capacity, bucket.tokens + (time - bucket.at) * perMs);

  function sweep(time: number): void {
    for (const [domain, bucket] of buckets) if (tokensNow(bucket, time) >= capacity) buckets.delete(domain);
  }

  return {
    reserve(domain, wanted, withinMs) {
      const time = now();
      const key = canonicalName(domain);
      const bucket = buckets.get(key) ?? { tokens: capacity, at: time };
      const tokens = tokensNow(bucket, time);
      // A bucket may go into debt: that is the reservations of callers still waiting.
      const granted = Math.max(0, Math.min(wanted, Math.floor(capacity), Math.floor(tokens + withinMs * perMs)));
      if (granted === 0) return { granted, waitMs: 0 };
      buckets.set(key, { tokens: tokens - granted, at: time });
      if (buckets.size > SWEEP_ABOVE_BUCKETS) sweep(time);
      // The grant fits within `withinMs` by the sum above; the clamp only absorbs float rounding.
      return { granted, waitMs: Math.min(withinMs, Math.max(0, Math.ceil((granted - tokens) / perMs))) };
    },
  };
}
