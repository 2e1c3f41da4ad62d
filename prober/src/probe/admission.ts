/** Ends a request's admission. Calling it twice is harmless. */
export type Leave = () => void;

export interface Admission {
  /** Admits a request, or gives null when `max` are in flight or admission is closed. */
  enter(): Leave | null;
  readonly inFlight: number;
  readonly closed: boolean;
  /** Admits no more requests; `idle` resolves once those in flight have left. */
  close(): void;
  idle(): Promise<void>;
}

/**
 * The cap on probe requests in flight. Beyond it a request is refused at once (the route
 * answers 429 with Retry-After), never queued, so a burst cannot build an unbounded backlog.
 *
 * @example
 * const admission = createAdmission(32);
 * const leave = admission.enter();
 * if (!leave) throw new ApiError(429, "too_many_requests", "busy", { "Retry-After": "1" });
 * try { ... } finally { leave(); }
 */
export function createAdmission(max: number): Admission {
  let inFlight = 0;
  let closed = false;
  const idleWaiters: Array<() => void> = [];
  return {
    enter() {
      if (closed || inFlight >= max) return null;
      inFlight++;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        inFlight--;
        if (inFlight === 0) for (const resolve of idleWaiters.splice(0)) resolve();
      };
    },
    get inFlight() {
      return inFlight;
    },
    get closed() {
      return closed;
    },
    close() {
      closed = true;
    },
    idle: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
  };
}
