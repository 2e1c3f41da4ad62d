/** Ends a request's admission. Calling it twice is harmless. */
export type Leave = () => void;

/**
 * Why a request was not admitted: the prober is shutting down, every session is taken, or the
 * caller already holds its share of them.
 */
export type AdmissionRefusal = "closed" | "full" | "caller_share";

/**
 * A probe that was not admitted, and why; the route answers it with a 429.
 *
 * @example
 * throw new ProbeRefused("full");
 */
export class ProbeRefused extends Error {
  override readonly name = "ProbeRefused";

  constructor(readonly reason: AdmissionRefusal) {
    super(`probe refused: ${reason}`);
  }
}

export interface Admission {
  /** Admits a request of `caller` (an opaque id; "" when the edge named none), or says why not. */
  enter(caller: string): Leave | AdmissionRefusal;
  readonly inFlight: number;
  readonly closed: boolean;
  /** Admits no more requests; `idle` resolves once those in flight have left. */
  close(): void;
  idle(): Promise<void>;
}

/**
 * The most probes `caller` may hold: the sessions split evenly between the callers holding some
 * and one more, so room is always left for a caller that has none yet. Alone, a caller gets
 * half; with one other, a third each. A probe cannot be cut short for a newcomer (a tarpit holds
 * it for its whole budget), so the room must be kept free beforehand.
 */
function callerShare(max: number, held: ReadonlyMap<string, number>, caller: string): number {
  const callers = held.size + (held.has(caller) ? 0 : 1);
  return Math.max(1, Math.floor(max / (callers + 1)));
}

/**
 * The cap on probe requests in flight, shared fairly between callers. Beyond it a request is
 * refused at once (the route answers 429 with Retry-After), never queued, so a burst cannot build
 * an unbounded backlog, and one caller's slow probes (say, 40 at a tarpit) cannot take the
 * sessions every other caller needs.
 *
 * @example
 * const admission = createAdmission(32);
 * const leave = admission.enter(request.caller ?? "");
 * if (typeof leave !== "function") throw new ApiError(429, "too_many_requests", leave, { "Retry-After": "1" });
 * try { ... } finally { leave(); }
 */
export function createAdmission(max: number): Admission {
  let inFlight = 0;
  let closed = false;
  const held = new Map<string, number>();
  const idleWaiters: Array<() => void> = [];
  return {
    enter(caller) {
      if (closed) return "closed";
      if (inFlight >= max) return "full";
      const holding = held.get(caller) ?? 0;
      if (holding >= callerShare(max, held, caller)) return "caller_share";
      inFlight++;
      held.set(caller, holding + 1);
      let left = false;
      return () => {
        if (left) return;
        left = true;
        inFlight--;
        const remaining = held.get(caller)! - 1;
        if (remaining === 0) held.delete(caller);
        else held.set(caller, remaining);
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
