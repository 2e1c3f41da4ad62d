import { DurableObject } from "cloudflare:workers";
import type { Reason, Verdict } from "../../../shared/contract/taxonomy";
import type { ResultFlags } from "../../../shared/bulk";
import type { Env } from "../env";
import type { PlannedAddress } from "./plan";

/** The answer for one distinct address, as a job keeps it. */
export interface AddressResult {
  verdict: Verdict;
  reason: Reason;
  flags: ResultFlags;
}

/** A job's progress, counted per input row (a row whose address is answered counts once). */
export interface JobStatus {
  status: "queued" | "running" | "done";
  total: number;
  processed: number;
  counts: Record<Verdict, number>;
}

/**
 * One bulk job's state, in its own Durable Object's SQLite: the row total and, per distinct
 * address, how many rows have it and its answer once known. One object per job keeps a job's
 * writes serialized without locks, and a job's size never touches another's.
 *
 * @example
 * const job = env.JOB_COORDINATOR.get(env.JOB_COORDINATOR.idFromName(id));
 * await job.add(addresses);
 * await job.open(total, null);
 */
export class JobCoordinator extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    ctx.storage.sql.exec(`
      CREATE TABLE IF NOT EXISTS job (id INTEGER PRIMARY KEY CHECK (id = 1), total INTEGER NOT NULL, webhook_url TEXT, upload_key TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS address (key TEXT PRIMARY KEY, rows INTEGER NOT NULL, verdict TEXT, reason TEXT, flags TEXT);
    `);
  }

  /**
   * Adds distinct addresses with their row counts. The caller sends them in batches, each a
   * small RPC, before it opens the job.
   */
  add(addresses: Pick<PlannedAddress, "key" | "rows">[]): void {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      for (const { key, rows } of addresses) sql.exec("INSERT INTO address (key, rows) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", key, rows);
    });
  }

  /**
   * Opens the job once its addresses are in: from now on status() answers for it. The job's
   * data are personal data, so its deletion is scheduled now, for `expiresAt` (epoch ms).
   */
  async open(total: number, webhookUrl: string | null, retention: { uploadKey: string; expiresAt: number }): Promise<void> {
    this.ctx.storage.sql.exec(
      "INSERT INTO job (id, total, webhook_url, upload_key) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO NOTHING",
      total,
      webhookUrl,
      retention.uploadKey,
    );
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(retention.expiresAt);
  }

  /** Retention: deletes the upload from R2 and every answer; the job is then unknown (404). */
  override async alarm(): Promise<void> {
    const job = this.ctx.storage.sql.exec<{ upload_key: string }>("SELECT upload_key FROM job").toArray()[0];
    if (job) await this.env.JOBS_BUCKET.delete(job.upload_key);
    this.ctx.storage.sql.exec("DELETE FROM address; DELETE FROM job;");
  }

  /**
   * Stores answers. The first answer for an address wins, so a queue message delivered twice
   * changes nothing, and an address the job does not have is ignored.
   */
  record(results: { key: string; result: AddressResult }[]): void {
    const sql = this.ctx.storage.sql;
    this.ctx.storage.transactionSync(() => {
      for (const { key, result } of results) {
        sql.exec(
          "UPDATE address SET verdict = ?, reason = ?, flags = ? WHERE key = ? AND verdict IS NULL",
          result.verdict,
          result.reason,
          JSON.stringify(result.flags),
          key,
        );
      }
    });
  }

  /** The job's progress, or null when no job was created under this id. */
  status(): JobStatus | null {
    const sql = this.ctx.storage.sql;
    const job = sql.exec<{ total: number }>("SELECT total FROM job").toArray()[0];
    if (!job) return null;
    const counts: Record<Verdict, number> = { deliverable: 0, undeliverable: 0, risky: 0, unknown: 0 };
    for (const { verdict, rows } of sql.exec<{ verdict: Verdict; rows: number }>(
      "SELECT verdict, SUM(rows) AS rows FROM address WHERE verdict IS NOT NULL GROUP BY verdict",
    )) {
      counts[verdict] = rows;
    }
    const processed = Object.values(counts).reduce((sum, rows) => sum + rows, 0);
    return { status: processed === job.total ? "done" : processed > 0 ? "running" : "queued", total: job.total, processed, counts };
  }

  /** The answers for these keys; a key without an answer (yet) is missing from the result. */
  lookup(keys: string[]): Record<string, AddressResult> {
    const found: Record<string, AddressResult> = {};
    for (const key of keys) {
      const row = this.ctx.storage.sql
        .exec<{ verdict: Verdict; reason: Reason; flags: string }>("SELECT verdict, reason, flags FROM address WHERE key = ? AND verdict IS NOT NULL", key)
        .toArray()[0];
      if (row) found[key] = { verdict: row.verdict, reason: row.reason, flags: JSON.parse(row.flags) as ResultFlags };
    }
    return found;
  }
}

/**
 * The Durable Object of job `id`.
 *
 * @example
 * const status = await jobCoordinator(env, id).status();
 */
export function jobCoordinator(env: Env, id: string): DurableObjectStub<JobCoordinator> {
  return env.JOB_COORDINATOR.get(env.JOB_COORDINATOR.idFromName(id));
}
