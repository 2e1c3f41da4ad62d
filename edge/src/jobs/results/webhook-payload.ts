import type { JobProgress } from "../job-state";
import type { JobRow } from "../job-store";

/** What a job's webhook receives when a run is over. */
export interface WebhookPayload {
  /** `job.completed` after the first run, `job.reverified` after a scheduled one. */
  event: "job.completed" | "job.reverified";
  /** Unique per job and run, the same on every retry: a receiver dedupes on it. */
  delivery: string;
  job: { id: string } & JobProgress;
  results_url: string;
  /** Rows whose verdict changed since the run before, for a re-verification; the full list is at `changes_url`. */
  changed_rows?: number;
  changes_url?: string;
  /** The first of those rows (up to WEBHOOK_INLINE_CHANGES), in row order. */
  changes?: RowChange[];
}

/** A row whose verdict changed from one run to the next. */
export interface RowChange {
  row: number;
  email: string;
  before: { verdict: string; reason: string };
  after: { verdict: string; reason: string };
}

/** Changed rows a webhook carries inline; a receiver that needs more fetches changes_url. */
export const WEBHOOK_INLINE_CHANGES = 1_000;

/**
 * The payload of a run's webhook, without the inline changes (the delivery reads them from R2).
 *
 * @example
 * webhookPayload(job, status).event; // "job.completed"
 */
export function webhookPayload(job: JobRow, status: JobProgress): WebhookPayload {
  const base = `${job.origin}/v1/jobs/${job.job_id}`;
  const payload: WebhookPayload = {
    event: job.run === 1 ? "job.completed" : "job.reverified",
    delivery: `${job.job_id}/${job.run}`,
    job: { id: job.job_id, ...status },
    results_url: `${base}/results`,
  };
  if (job.run > 1 && job.changed_rows !== null) {
    payload.changed_rows = job.changed_rows;
    payload.changes_url = `${base}/changes`;
  }
  return payload;
}
