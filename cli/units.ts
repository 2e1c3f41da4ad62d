const counts = new Intl.NumberFormat("en-US");

/**
 * A whole count with thousands separators.
 *
 * @example
 * formatCount(12345); // "12,345"
 */
export function formatCount(count: number): string {
  return counts.format(count);
}

/**
 * A time left, as a clock: minutes and seconds, hours when there are any.
 *
 * @example
 * formatClock(65); // "1:05"
 * formatClock(3725); // "1:02:05"
 */
export function formatClock(seconds: number): string {
  const whole = Math.ceil(seconds);
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/**
 * An elapsed time for a summary: seconds with one decimal under a minute, else as a clock.
 *
 * @example
 * formatElapsed(12_345); // "12.3 s"
 * formatElapsed(125_000); // "2:05"
 */
export function formatElapsed(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatClock(ms / 1000);
}

/**
 * A share of a total as a percentage with one decimal; 0 % of nothing.
 *
 * @example
 * formatPercent(1, 3); // "33.3%"
 */
export function formatPercent(part: number, total: number): string {
  return `${(total === 0 ? 0 : (part * 100) / total).toFixed(1)}%`;
}
