/** Buckets kept before idle ones are swept out. */
const SWEEP_ABOVE_BUCKETS = 10_000;
/** A bucket untouched this long forgets what it learned: the server may have changed its mind. */
const FORGET_AFTER_MS = 3_600_000;

/** How fast one mail server may be asked: where to start, and how far clean answers may take it. */
export interface RcptPace {
  /** RCPT commands a second at first, and again after a rate is forgotten. */
  readonly startPerSecond: number;
  /** The ceiling clean answers may raise the rate to. */
  readonly maxPerSecond: number;
}

export interface RcptGrant {
  /** RCPT commands the caller may send; 0 when not even one fits before the deadline. */
  readonly granted: number;
  /** Milliseconds to wait before sending them. */
  readonly waitMs: number;
}

export interface ServerRates {
  /**
   * Reserves up to `wanted` RCPT commands to the server `key`, as many as its bucket can give
   * by `withinMs` from now (never more than one second's worth at once), and says how long to
   * wait before sending them. Reserved tokens are spent: later callers wait behind them.
   */
  reserve(key: string, pace: RcptPace, wanted: number, withinMs: number): RcptGrant;
  /** The server answered a batch without a word about our rate: go a step faster. */
  ease(key: string, pace: RcptPace): void;
  /** The server spoke of our rate (a throttle, a 421): halve it. */
  throttle(key: string, pace: RcptPace): void;
  /** The rate the server is asked at now. */
  perSecond(key: string, pace: RcptPace): number;
}

interface Bucket {
  tokens: number;
  at: number;
  perSecond: number;
}

/**
 * Token buckets per mail server whose rate is learned, additive increase and multiplicative
 * decrease as TCP's congestion control: each batch answered cleanly adds a quarter of the
 * starting rate (up to the ceiling), each throttling reply halves it (down to one a second).
 * Bursts of one second's worth. Callers reserve before they send, so concurrent requests for
 * one server queue in time rather than in memory.
 *
 * @example
 * const rates = createServerRates();
 * const pace = { startPerSecond: 10, maxPerSecond: 50 };
 * rates.reserve("192.0.2.7", pace, 12, deadline.remainingMs()); // { granted: 10, waitMs: 0 }
 * rates.ease("192.0.2.7", pace); // 12.5 a second from now on
 */
export function createServerRates(now: () => number = () => performance.now()): ServerRates {
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, time: number) => {
    const capacity = Math.max(1, bucket.perSecond);
    bucket.tokens = Math.min(capacity, bucket.tokens + ((time - bucket.at) * bucket.perSecond) / 1000);
    bucket.at = time;
  };

  function bucketOf(key: string, pace: RcptPace): Bucket {
    const time = now();
    let bucket = buckets.get(key);
    if (!bucket || time - bucket.at > FORGET_AFTER_MS) {
      bucket = { tokens: Math.max(1, pace.startPerSecond), at: time, perSecond: pace.startPerSecond };
      buckets.set(key, bucket);
      if (buckets.size > SWEEP_ABOVE_BUCKETS) sweep(time);
    }
    refill(bucket, time);
    return bucket;
  }

  function sweep(time: number): void {
    for (const [key, bucket] of buckets) if (time - bucket.at > FORGET_AFTER_MS) buckets.delete(key);
    // Still too many busy servers: the oldest-made buckets go (they start afresh if asked again).
    for (const key of buckets.keys()) {
      if (buckets.size <= SWEEP_ABOVE_BUCKETS) break;
      buckets.delete(key);
    }
  }

  return {
    reserve(key, pace, wanted, withinMs) {
      const bucket = bucketOf(key, pace);
      const perMs = bucket.perSecond / 1000;
      // A bucket may go into debt: that is the reservations of callers still waiting.
      const granted = Math.max(0, Math.min(wanted, Math.floor(Math.max(1, bucket.perSecond)), Math.floor(bucket.tokens + withinMs * perMs)));
      if (granted === 0) return { granted, waitMs: 0 };
      const debt = granted - bucket.tokens;
      bucket.tokens -= granted;
      // The grant fits within `withinMs` by the sum above; the clamp only absorbs float rounding.
      return { granted, waitMs: Math.min(withinMs, Math.max(0, Math.ceil(debt / perMs))) };
    },
    ease(key, pace) {
      const bucket = bucketOf(key, pace);
      bucket.perSecond = Math.min(pace.maxPerSecond, bucket.perSecond + pace.startPerSecond / 4);
    },
    throttle(key, pace) {
      const bucket = bucketOf(key, pace);
      bucket.perSecond = Math.max(Math.min(1, pace.startPerSecond), bucket.perSecond / 2);
    },
    perSecond: (key, pace) => bucketOf(key, pace).perSecond,
  };
}
