import type { JobStatusName, Verdict } from "../../../shared/contract/taxonomy";
import type { Waiting } from "./waiting";

/**
 * A job's tables in its Durable Object. `address` holds each distinct address once with the
 * number of rows that have it and its answer in the current run (reason and flags as the codes
 * of shared/bulk/answer-code.ts); `verdict_rows` counts answered rows per verdict, so the status
 * never scans millions of addresses; `lane` is how far each domain's first tries got (lanes.ts);
 * `domain_pace` is when each domain may next be asked a retry; `waiting` holds the addresses sent
 * back for a retry (waiting.ts).
 */
export const JOB_SCHEMA = `
  CREATE TABLE IF NOT EXISTS job (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    job_id TEXT NOT NULL,
    total INTEGER NOT NULL,
    distinct_addresses INTEGER NOT NULL,
    upload_key TEXT NOT NULL,
    origin TEXT NOT NULL,
    webhook_url TEXT,
    webhook_secret TEXT,
    reverify_days INTEGER,
    run INTEGER NOT NULL DEFAULT 1,
    answered INTEGER NOT NULL DEFAULT 0,
    lost_chunks INTEGER NOT NULL DEFAULT 0,
    phase TEXT NOT NULL DEFAULT 'running',
    assembly_failed INTEGER NOT NULL DEFAULT 0,
    changed_rows INTEGER,
    webhook_state TEXT,
    expires_at INTEGER NOT NULL DEFAULT 0,
    progress_at INTEGER NOT NULL DEFAULT 0,
    waiting_until INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE IF NOT EXISTS address (key TEXT PRIMARY KEY, email TEXT NOT NULL, domain TEXT NOT NULL, rows INTEGER NOT NULL, reason INTEGER, flags INTEGER);
  CREATE INDEX IF NOT EXISTS address_by_domain ON address (domain, key);
  CREATE TABLE IF NOT EXISTS verdict_rows (verdict TEXT PRIMARY KEY, rows INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS domain_pace (domain TEXT PRIMARY KEY, next_free_at REAL NOT NULL);
  CREATE TABLE IF NOT EXISTS waiting (key TEXT PRIMARY KEY, until INTEGER NOT NULL);
  CREATE TABLE IF NOT EXISTS lane (domain TEXT PRIMARY KEY, after TEXT NOT NULL);
`;

/** The `job` row. */
export interface JobRow {
  job_id: string;
  total: number;
  distinct_addresses: number;
  upload_key: string;
  origin: string;
  webhook_url: string | null;
  webhook_secret: string | null;
  reverify_days: number | null;
  run: number;
  /** Distinct addresses answered in this run. */
  answered: number;
  /** Chunks of this run that ran out of retries; their addresses are unknown/error. */
  lost_chunks: number;
  /** running: addresses being verified; assembling: writing the answers file; done: results ready (or assembly failed). */
  phase: "running" | "assembling" | "done";
  assembly_failed: number;
  /** Rows whose verdict changed since the run before (re-verification), once known. */
  changed_rows: number | null;
  webhook_state: "pending" | "delivered" | "failed" | null;
  /** When retention deletes the job (epoch ms). */
  expires_at: number;
  /** When the run last stored an answer (epoch ms), for the watchdog. */
  progress_at: number;
  /** The latest moment a retry sent back on the queue (greylisting, a prober, the pace) is due. */
  waiting_until: number;
  // SQLite rows are records of column values.
  [column: string]: string | number | null;
}

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
  const failed = job.lost_chunks > 0 || job.assembly_failed === 1;
  const status = job.phase === "done" ? (failed ? "failed" : "done") : processed > 0 ? "running" : "queued";
  return { status, total: job.total, processed, counts, run: job.run, waiting };
}
