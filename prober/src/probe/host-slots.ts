import { canonicalName } from "../../../shared/dns/wire-name";

/** Gives a slot back. Calling it twice is harmless. */
export type ReleaseSlot = () => void;

/** Where a session goes: the MX name it was reached by and the address it connects to. */
export interface SessionPlace {
  readonly host: string;
  readonly ip: string;
}

interface Waiter {
  readonly limit: number;
  readonly grant: (release: ReleaseSlot) => void;
}

interface KeyQueue {
  active: number;
  readonly waiting: Waiter[];
}

export interface HostSlots {
  /**
   * A slot for one SMTP session at `place`: at most `ipLimit` sessions at once to its address
   * (what that server tolerates) and at most the per-name limit to its MX name, over all
   * requests. Waits for one to free up unless the signal fires first (then null); waiters are
   * served in arrival order. The queue cannot grow without bound: each waiter is a probe
   * request, and admission caps those.
   */
  acquire(place: SessionPlace, ipLimit: number, signal: AbortSignal): Promise<ReleaseSlot | null>;
  /** A slot if one is free now, else null: for a second session that is worth having only at once. */
  tryAcquire(place: SessionPlace, ipLimit: number): ReleaseSlot | null;
  /** Sessions open now to an address (`ip`) or an MX name (`host`). */
  active(place: Partial<SessionPlace>): number;
}

/**
 * Limits on SMTP sessions open at once, per mail server address and per MX name, so that many
 * names (or wildcard subdomains) pointing at one server cannot multiply the load on it, and a
 * name with many addresses cannot either.
 *
 * @example
 * const slots = createHostSlots(2);
 * const release = await slots.acquire({ host: "mx.example.org", ip: "192.0.2.7" }, 2, deadline.signal);
 * if (release) try { ... } finally { release(); }
 */
export function createHostSlots(perNameLimit: number): HostSlots {
  const queues = new Map<string, KeyQueue>();
  const ipKey = (ip: string) => `ip ${ip}`;
  const nameKey = (host: string) => `name ${canonicalName(host)}`;

  function releaseFor(key: string, queue: KeyQueue): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      queue.active--;
      const next = queue.waiting[0];
      if (next && queue.active < next.limit) {
        queue.waiting.shift();
        queue.active++;
        return next.grant(releaseFor(key, queue));
      }
      if (queue.active === 0 && queue.waiting.length === 0) queues.delete(key);
    };
  }

  const queueOf = (key: string) => {
    const queue = queues.get(key) ?? { active: 0, waiting: [] };
    queues.set(key, queue);
    return queue;
  };

  function take(key: string, limit: number): ReleaseSlot | null {
    const queue = queueOf(key);
    if (queue.active >= limit || queue.waiting.length > 0) {
      if (queue.active === 0 && queue.waiting.length === 0) queues.delete(key);
      return null;
    }
    queue.active++;
    return releaseFor(key, queue);
  }

  function wait(key: string, limit: number, signal: AbortSignal): Promise<ReleaseSlot | null> {
    if (signal.aborted) return Promise.resolve(null);
    const ready = take(key, limit);
    if (ready) return Promise.resolve(ready);
    const queue = queueOf(key);
    return new Promise((resolve) => {
      const onAbort = () => {
        queue.waiting.splice(queue.waiting.indexOf(waiter), 1);
        if (queue.active === 0 && queue.waiting.length === 0) queues.delete(key);
        resolve(null);
      };
      const waiter: Waiter = {
        limit,
        grant: (release) => {
          signal.removeEventListener("abort", onAbort);
          resolve(release);
        },
      };
      queue.waiting.push(waiter);
      signal.addEventListener("abort", onAbort, { once: true });
    });
  }

  const both =
    (first: ReleaseSlot, second: ReleaseSlot): ReleaseSlot =>
    () => {
      second();
      first();
    };

  return {
    async acquire({ host, ip }, ipLimit, signal) {
      // Always the address first, then the name: one order for every caller, so no two wait on each other.
      const atIp = await wait(ipKey(ip), ipLimit, signal);
      if (!atIp) return null;
      const atName = await wait(nameKey(host), perNameLimit, signal);
      if (!atName) {
        atIp();
        return null;
      }
      return both(atIp, atName);
    },
    tryAcquire({ host, ip }, ipLimit) {
      const atIp = take(ipKey(ip), ipLimit);
      if (!atIp) return null;
      const atName = take(nameKey(host), perNameLimit);
      if (!atName) {
        atIp();
        return null;
      }
      return both(atIp, atName);
    },
    active: ({ host, ip }) => (ip !== undefined ? (queues.get(ipKey(ip))?.active ?? 0) : host !== undefined ? (queues.get(nameKey(host))?.active ?? 0) : 0),
  };
}
