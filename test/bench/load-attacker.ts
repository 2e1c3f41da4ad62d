import type { LoadAnswer, LoadOutcome } from "./load-rate";

export interface Attacker {
  /** Stops sending and resolves once its last request has ended, with how its requests ended. */
  stop(): Promise<Record<LoadOutcome, number>>;
}

/** After a quick failure (a 4xx such as a rate limit's 429, a 5xx, no connection), a loop waits this long: it keeps pressing without spinning the machine's CPU. */
const AFTER_REFUSAL_MS = 100;

/**
 * A caller that keeps `inFlight` requests open at all times (a new one as soon as one ends,
 * AFTER_REFUSAL_MS after a quick failure), until stopped: the caller that tries to starve the
 * others by holding checks of a tarpit domain in flight.
 *
 * @example
 * const attacker = startAttacker(40, (index) => verify(`x${index}@tarpit.mailvet-mta.net`));
 * // … the well-behaved caller's load …
 * await attacker.stop();
 */
export function startAttacker(inFlight: number, send: (index: number) => Promise<LoadAnswer>): Attacker {
  const outcomes: Record<LoadOutcome, number> = { ok: 0, wrong: 0, "4xx": 0, "5xx": 0, failed: 0 };
  let stopping = false;
  let next = 0;
  const loop = async () => {
    while (!stopping) {
      const { outcome } = await send(next++);
      outcomes[outcome]++;
      if (outcome === "4xx" || outcome === "5xx" || outcome === "failed") await new Promise((resolve) => setTimeout(resolve, AFTER_REFUSAL_MS));
    }
  };
  const loops = Array.from({ length: inFlight }, loop);
  return {
    async stop() {
      stopping = true;
      await Promise.all(loops);
      return outcomes;
    },
  };
}
