/**
 * The schema of a job's Durable Object SQLite, by version, and its one row read into a typed
 * `JobRow`. `address` holds each distinct address once with the number of rows that have it and
 * its answer in the current run (reason and flags as the codes of shared/bulk/answer-code.ts);
 * `verdict_rows` counts answered rows per verdict, so the status never scans millions of
 * addresses; `lane` is how far each domain's first tries got (lanes.ts); `domain_pace` is when each
 * domain may next be asked a retry; `waiting` holds the addresses sent back for a retry (waiting.ts).
 */

/**
 * JOB_MIGRATIONS[n] takes a store from version n to n + 1; `schema_version` says where a store
 * is. Only ever append: objects live on with the schema they were made with.
 */
export const JOB_MIGRATIONS: readonly string[] = [
  // 1. IF NOT EXISTS: objects made before the schema had versions have these tables already.
  `CREATE TABLE IF NOT EXISTS job (
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
  CREATE TABLE IF NOT EXISTS lane (domain TEXT PRIMARY KEY, after TEXT NOT NULL);`,
];

/**
 * Brings a job object's store to the latest schema, each missing migration in its own
 * transaction with its version. Run on first use (the constructor) and after an erasure.
 *
 * @example
 * migrateJobStore(ctx.storage);
 */
export function migrateJobStore(storage: DurableObjectStorage): void {
  const { sql } = storage;
  sql.exec("CREATE TABLE IF NOT EXISTS schema_version (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)");
  const current = sql.exec<{ version: number }>("SELECT version FROM schema_version").toArray()[0]?.version ?? 0;
  for (let version = current; version < JOB_MIGRATIONS.length; version++) {
    storage.transactionSync(() => {
      sql.exec(JOB_MIGRATIONS[version]!);
      sql.exec("INSERT INTO schema_version (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version", version + 1);
    });
  }
}

const PHASES = ["running", "assembling", "done"] as const;
const WEBHOOK_STATES = ["pending", "delivered", "failed"] as const;

/** The `job` row, typed: what `readJob` makes of the columns. */
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
  phase: (typeof PHASES)[number];
  /** The run's answers file could not be assembled (stored as 0 or 1). */
  assembly_failed: boolean;
  /** Rows whose verdict changed since the run before (re-verification), once known. */
  changed_rows: number | null;
  webhook_state: (typeof WEBHOOK_STATES)[number] | null;
  /** When retention deletes the job (epoch ms). */
  expires_at: number;
  /** When the run last stored an answer (epoch ms), for the watchdog. */
  progress_at: number;
  /** The latest moment a retry sent back on the queue (greylisting, a prober, the pace) is due. */
  waiting_until: number;
}

/** The columns as SQLite returns them; a type, not an interface, so that `exec<>` takes it. */
type JobColumns = Omit<JobRow, "phase" | "assembly_failed" | "webhook_state"> & { phase: string; assembly_failed: number; webhook_state: string | null };

const JOB_COLUMNS = [
  "job_id",
  "total",
  "distinct_addresses",
  "upload_key",
  "origin",
  "webhook_url",
  "webhook_secret",
  "reverify_days",
  "run",
  "answered",
  "lost_chunks",
  "phase",
  "assembly_failed",
  "changed_rows",
  "webhook_state",
  "expires_at",
  "progress_at",
  "waiting_until",
] as const satisfies readonly (keyof JobRow)[];

/**
 * The job's row, or undefined before the job is opened.
 *
 * @example
 * const job = readJob(ctx.storage.sql);
 * if (job?.phase === "done" && !job.assembly_failed) …
 */
export function readJob(sql: SqlStorage): JobRow | undefined {
  const row = sql.exec<JobColumns>(`SELECT ${JOB_COLUMNS.join(", ")} FROM job`).toArray()[0];
  if (!row) return undefined;
  return {
    ...row,
    phase: oneOf(PHASES, row.phase, "phase"),
    assembly_failed: row.assembly_failed !== 0,
    webhook_state: row.webhook_state === null ? null : oneOf(WEBHOOK_STATES, row.webhook_state, "webhook_state"),
  };
}

function oneOf<T extends string>(values: readonly T[], value: string, column: string): T {
  if (!(values as readonly string[]).includes(value)) throw new Error(`job.${column} holds an unknown value`);
  return value as T;
}
