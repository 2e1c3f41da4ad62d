import { percentile } from "./pool";

/** How one request ended, as the caller sees it. */
export type LoadOutcome =
  /** HTTP 200 with the answer expected. */
  | "ok"
  /** HTTP 200, but not the answer the caller should get (e.g. `unknown/error` for a mailbox that exists). */
  | "wrong"
  /** HTTP 4xx: refused (a rate limit's 429 included). */
  | "4xx"
  | "5xx"
  /** No HTTP answer: the connection failed or the client's timeout passed. */
  | "failed";

/** How a request ended, and what it said: the answer's reason, or the HTTP status or error. */
export interface LoadAnswer {
  outcome: LoadOutcome;
  answer: string;
}

export interface FixedRateResult {
  /** Requests scheduled: rate × seconds. */
  scheduled: number;
  /** Scheduled requests not sent because MAX_IN_FLIGHT were still open: the service fell that far behind. */
  skipped: number;
  outcomes: Record<LoadOutcome, number>;
  /** What the answers were, when not the one expected (`dns_error: 12`, `HTTP 429: 3`). */
  unexpected: Record<string, number>;
  /** Latency from each request's scheduled time to its answer, ms, of the requests that got an HTTP answer. */
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface FixedRateOptions {
  /** Requests per second. */
  rate: number;
  seconds: number;
  /** Requests open at once beyond which the generator skips (and counts) instead of piling up. */
  maxInFlight: number;
  /** Sends request number `index` and says how it ended. */
  send: (index: number) => Promise<LoadAnswer>;
}

/**
 * An open-loop load generator: request i is due at i / rate seconds, whether or not earlier
 * ones have been answered, and its latency counts from when it was due, so a stall shows in
 * the figures instead of slowing the generator down (no coordinated omission). Bounded: it
 * sends rate × seconds requests at most, never more than maxInFlight at once, and resolves
 * once the last has ended.
 *
 * @example
 * const result = await fixedRate({ rate: 200, seconds: 60, maxInFlight: 2_000, send: async () => ({ outcome: "ok", answer: "accepted" }) });
 */
export async function fixedRate({ rate, seconds, maxInFlight, send }: FixedRateOptions): Promise<FixedRateResult> {
  const scheduled = Math.round(rate * seconds);
  const outcomes: Record<LoadOutcome, number> = { ok: 0, wrong: 0, "4xx": 0, "5xx": 0, failed: 0 };
  const unexpected: Record<string, number> = {};
  const latencies: number[] = [];
  const open = new Set<Promise<void>>();
  let skipped = 0;
  const started = performance.now();
  for (let index = 0; index < scheduled; index++) {
    const due = started + (index * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    if (open.size >= maxInFlight) {
      skipped++;
      continue;
    }
    const request = send(index).then(({ outcome, answer }) => {
      outcomes[outcome]++;
      if (outcome !== "ok") unexpected[answer] = (unexpected[answer] ?? 0) + 1;
      if (outcome !== "failed") latencies.push(performance.now() - due);
      open.delete(request);
    });
    open.add(request);
  }
  await Promise.all(open);
  latencies.sort((a, b) => a - b);
  return { scheduled, skipped, outcomes, unexpected, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), maxMs: latencies.at(-1) ?? NaN };
}
