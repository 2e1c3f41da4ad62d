/**
 * The time a probe request may spend. Its signal fires a little before the caller's budget
 * runs out, so the answer is composed and sent within the budget; everything that waits
 * (DNS, a free slot at a host, the rate limit, each SMTP read) waits on that signal.
 */
export interface Deadline {
  /** Fires when the time is up, or when the prober shuts down. */
  readonly signal: AbortSignal;
  readonly expired: boolean;
  /** Milliseconds left before the signal fires; 0 once it has. */
  remainingMs(): number;
}

/** Kept for answering: a tenth of the budget, at most this much. */
const MAX_RESPONSE_MARGIN_MS = 250;

/**
 * A deadline for a budget in milliseconds, which also fires when `stop` does (shutdown).
 * Its timer does not keep the process alive.
 *
 * @example
 * const deadline = createDeadline(8000, shutdown.signal);
 * await openSmtpSession({ ...target, signal: deadline.signal });
 */
export function createDeadline(budgetMs: number, stop?: AbortSignal): Deadline {
  const workMs = budgetMs - Math.min(MAX_RESPONSE_MARGIN_MS, budgetMs / 10);
  const endsAt = performance.now() + workMs;
  const timeUp = new AbortController();
  setTimeout(() => timeUp.abort(), workMs).unref();
  const signal = stop ? AbortSignal.any([timeUp.signal, stop]) : timeUp.signal;
  return {
    signal,
    get expired() {
      return signal.aborted;
    },
    remainingMs: () => (signal.aborted ? 0 : Math.max(0, endsAt - performance.now())),
  };
}

/**
 * Waits `ms` unless the signal fires first; resolves true when the full time passed.
 *
 * @example
 * if (!(await pause(waitMs, deadline.signal))) return; // the deadline came first
 */
export function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The value of a promise, or `undefined` if the signal fires first; for work that cannot be
 * aborted itself (a DoH lookup has its own timeouts, longer than a short budget).
 *
 * @example
 * const outcome = await beforeDeadline(resolver.lookup(host, "A"), deadline.signal);
 */
export function beforeDeadline<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | undefined> {
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(undefined);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
