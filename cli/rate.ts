/**
 * How far back the rate looks: long enough to even out the jumps of a job answered a domain
 * chunk at a time, short enough to follow a change of pace.
 */
const WINDOW_MS = 30_000;
/** Less than this much time between samples says nothing about the pace. */
const MIN_SPAN_MS = 1_000;

/**
 * Rows per second and time left for a running job, from (time, rows done) samples taken at
 * each poll, over a sliding window. Times are passed in, so it is a pure calculation.
 *
 * @example
 * const rate = new RateEstimator();
 * rate.add(0, 0);
 * rate.add(2_000, 100);
 * rate.perSecond(); // 50
 * rate.secondsLeft(1_000); // 18
 */
export class RateEstimator {
  readonly #samples: { at: number; done: number }[] = [];

  add(at: number, done: number): void {
    this.#samples.push({ at, done });
    // Keep one sample at or past the window's start, so the window is always spanned in full.
    while (this.#samples.length > 2 && this.#samples[1]!.at <= at - WINDOW_MS) this.#samples.shift();
  }

  /** Rows per second over the window; undefined until rows have been done over a second or more. */
  perSecond(): number | undefined {
    const first = this.#samples[0];
    const last = this.#samples.at(-1);
    if (!first || !last || last.at - first.at < MIN_SPAN_MS || last.done <= first.done) return undefined;
    return ((last.done - first.done) * 1000) / (last.at - first.at);
  }

  /** Seconds until `total` rows are done at the current rate; undefined while the rate is. */
  secondsLeft(total: number): number | undefined {
    const rate = this.perSecond();
    const done = this.#samples.at(-1)?.done ?? 0;
    return rate === undefined ? undefined : Math.max(0, total - done) / rate;
  }
}
