import { canonicalName } from "../../../shared/dns/wire-name";

/** Gives a slot back. Calling it twice is harmless. */
export type ReleaseSlot = () => void;

interface HostQueue {
  active: number;
  readonly waiting: Array<(release: ReleaseSlot) => void>;
}

export interface HostSlots {
  /**
   * A slot for one SMTP session at `host`, waiting for one to free up unless the signal fires
   * first (then null). Waiters are served in arrival order. The queue cannot grow without
   * bound: each waiter is a probe request, and admission caps those.
   */
  acquire(host: string, signal: AbortSignal): Promise<ReleaseSlot | null>;
  /** Sessions open at `host` now. */
  active(host: string): number;
}

/**
 * A limit on SMTP sessions open at once to each MX host, over all requests.
 *
 * @example
 * const slots = createHostSlots(2);
 * const release = await slots.acquire("mx.example.org", deadline.signal);
 * if (release) try { ... } finally { release(); }
 */
export function createHostSlots(perHost: number): HostSlots {
  const hosts = new Map<string, HostQueue>();

  function releaseFor(key: string, queue: HostQueue): ReleaseSlot {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.waiting.shift();
      if (next) return next(releaseFor(key, queue));
      queue.active--;
      if (queue.active === 0) hosts.delete(key);
    };
  }

  return {
    acquire(host, signal) {
      if (signal.aborted) return Promise.resolve(null);
      const key = canonicalName(host);
      const queue = hosts.get(key) ?? { active: 0, waiting: [] };
      hosts.set(key, queue);
      if (queue.active < perHost) {
        queue.active++;
        return Promise.resolve(releaseFor(key, queue));
      }
      return new Promise((resolve) => {
        const onAbort = () => {
          queue.waiting.splice(queue.waiting.indexOf(grant), 1);
          resolve(null);
        };
        const grant = (release: ReleaseSlot) => {
          signal.removeEventListener("abort", onAbort);
          resolve(release);
        };
        queue.waiting.push(grant);
        signal.addEventListener("abort", onAbort, { once: true });
      });
    },
    active: (host) => hosts.get(canonicalName(host))?.active ?? 0,
  };
}
