import type { JobStatusName, Verdict } from "../../../shared/contract/taxonomy";
import type { JobRow } from "./job-store";
import type { Waiting } from "./run/waiting";

/**
 * A job's progress, counted per input row (a row whose address is answered counts once): the
 * API's JobStatus without its id (the status route adds it, checked against the schema).
 */
export interface JobProgress {
  status: JobStatusName;
  total: number;
  processed: number;
  counts: Record<Verdict, number>;
  /** The run: 1, then one more per scheduled re-verification. */
  run: number;
  /** Rows whose addresses wait to be asked again (greylisting, a temporary answer), and until when. */
  waiting: Waiting;
}

/**
 * The status the API shows for a job row and its counts. A job is `failed` when some of its
 * addresses could not be verified after every retry (they are unknown/error in the results, which
 * are complete all the same) or its results could not be assembled (then there are none).
 *
 * @example
 * jobStatusOf(job, counts, { rows: 0, until: null }).status; // "running"
 */
export function jobStatusOf(job: JobRow, counts: Record<Verdict, number>, waiting: Waiting): JobProgress {
  const processed = Object.values(counts).reduce((sum, rows) => sum + rows, 0);
  const failed = job.lost_chunks > 0 || job.assembly_failed;
  const status = job.phase === "done" ? (failed ? "failed" : "done") : processed > 0 ? "running" : "queued";
  return { status, total: job.total, processed, counts, run: job.run, waiting };
}
