import type { JobStatus } from "./api-client";
import { RateEstimator } from "./rate";
import { formatClock, formatCount } from "./units";

/** What a progress display shows of a job at one moment. */
export interface ProgressState {
  status: JobStatus["status"];
  processed: number;
  total: number;
  perSecond: number | undefined;
  secondsLeft: number | undefined;
  /** Rows waiting for a mail server to be asked again (greylisting, a timeout), and the seconds until the last retry is due. */
  waiting?: { rows: number; secondsLeft: number };
}

/** A plain progress line (stderr not a terminal) at most this often, so logs stay short. */
export const PLAIN_EVERY_MS = 10_000;
const BAR_MIN = 10;
const BAR_MAX = 40;

function facts(state: ProgressState): string[] {
  const parts = [`${formatCount(state.processed)}/${formatCount(state.total)} rows`];
  if (state.perSecond !== undefined) parts.push(`${formatCount(Math.round(state.perSecond))} rows/s`);
  if (state.status === "running" || state.status === "queued") parts.push(`ETA ${state.secondsLeft === undefined ? "--:--" : formatClock(state.secondsLeft)}`);
  // Waits the server imposed: they explain a pause that the rate alone cannot.
  if (state.waiting && state.waiting.rows > 0) parts.push(`${formatCount(state.waiting.rows)} rows retry within ${formatClock(state.waiting.secondsLeft)}`);
  return parts;
}

const percent = (state: ProgressState) => (state.total === 0 ? 100 : Math.floor((state.processed * 100) / state.total));

/**
 * The terminal's progress line, at most `columns` wide: status, percentage, a bar when there
 * is room, rows, rate and ETA.
 *
 * @example
 * progressBar({ status: "running", processed: 620, total: 1000, perSecond: 85, secondsLeft: 4.5 }, 80);
 * // "running  62% [████████████████░░░░░░░░░░░] 620/1,000 rows · 85 rows/s · ETA 0:05"
 */
export function progressBar(state: ProgressState, columns: number): string {
  const head = `${state.status.padEnd(7)} ${String(percent(state)).padStart(3)}%`;
  const tail = facts(state).join(" · ");
  const room = columns - head.length - tail.length - 4;
  if (room < BAR_MIN) return `${head} ${tail}`.slice(0, Math.max(0, columns - 1));
  const width = Math.min(BAR_MAX, room);
  const filled = state.total === 0 ? width : Math.floor((state.processed * width) / state.total);
  return `${head} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${tail}`;
}

/**
 * The progress line for logs, where a redrawn bar would be noise.
 *
 * @example
 * progressLine({ status: "running", processed: 620, total: 1000, perSecond: 85, secondsLeft: 4.5 });
 * // "running: 62% (620/1,000 rows, 85 rows/s, ETA 0:05)"
 */
export function progressLine(state: ProgressState): string {
  return `${state.status}: ${percent(state)}% (${facts(state).join(", ")})`;
}

/**
 * Shows a job's progress on `stream` as it is polled: a bar redrawn in place on a terminal,
 * else a plain line at the first poll, every PLAIN_EVERY_MS while rows advance, and at the end.
 * `clear()` removes the bar before anything else is printed.
 *
 * @example
 * const progress = progressReporter(process.stderr);
 * progress.update(await api.jobStatus(id));
 * progress.clear();
 */
export function progressReporter(stream: NodeJS.WriteStream, now: () => number = Date.now) {
  const rate = new RateEstimator();
  let drawn = false;
  let lastPlain: { at: number; processed: number } | undefined;
  return {
    update(job: JobStatus): void {
      const at = now();
      rate.add(at, job.processed);
      const state: ProgressState = {
        status: job.status,
        processed: job.processed,
        total: job.total,
        perSecond: rate.perSecond(),
        secondsLeft: rate.secondsLeft(job.total),
      };
      if (job.waiting.until !== null) state.waiting = { rows: job.waiting.rows, secondsLeft: Math.max(0, (Date.parse(job.waiting.until) - at) / 1000) };
      if (stream.isTTY) {
        stream.write(`\r${progressBar(state, stream.columns || 80)}\x1b[K`);
        drawn = true;
        return;
      }
      const finished = job.status === "done" || job.status === "failed";
      const due = !lastPlain || (at - lastPlain.at >= PLAIN_EVERY_MS && job.processed !== lastPlain.processed);
      if (finished || due) {
        stream.write(`${progressLine(state)}\n`);
        lastPlain = { at, processed: job.processed };
      }
    },
    clear(): void {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}
