import { DurableObject } from "cloudflare:workers";
import { logLine } from "../../../shared/log/json-log";
import { type Verdict, VERDICTS } from "../../../shared/contract/taxonomy";
import { decodeAnswer, encodeAnswer, type RowAnswer } from "../../../shared/bulk";
import { edgeSettings, type Env } from "../env";
import { reserveDomainSlot } from "./run/domain-pace";
import type { JobMessage } from "./messages";
import type { PlannedAddress } from "./upload/plan";
import { queueFirstChunks, queueNextChunk } from "./run/lanes";
import { jobPrefix } from "./storage-keys";
import { jobStatusOf, type JobProgress } from "./job-state";
import { type JobRow, migrateJobStore, readJob } from "./job-store";
import { markWaiting, waitingOf } from "./run/waiting";
import { webhookPayload, type WebhookPayload } from "./results/webhook-payload";

/** What POST /v1/jobs knows of a job once its addresses are in. */
export interface OpenJob {
  id: string;
  total: number;
  uploadKey: string;
  /** The API's origin, for the results URL a webhook carries. */
  origin: string;
  webhookUrl: string | null;
  webhookSecret: string | null;
  reverifyDays: number | null;
  /** When the job's data are deleted (epoch ms), unless it is re-verified on a schedule. */
  expiresAt: number;
}

/**
 * A run with no answer stored for this long, past every retry it knows to be waiting, has lost a
 * message: longer than a chunk ever takes (60 s) and than a queue's own retries.
 */
const STALL_MS = 10 * 60_000;

/**
 * One bulk job's state, in its own Durable Object's SQLite: the job, and per distinct address
 * its rows and its answer in the current run. One object per job keeps a job's writes
 * serialized without locks, dedupes its addresses in SQL rather than in a Worker's memory, and
 * paces each domain over all the consumers working on the job.
 *
 * @example
 * const job = jobCoordinator(env, id);
 * await job.add(batch, expiresAt);
 * await job.open({ id, total, uploadKey, origin, webhookUrl: null, webhookSecret: null, reverifyDays: null });
 */
export class JobCoordinator extends DurableObject<Env> {
  readonly #sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.#sql = ctx.storage.sql;
    migrateJobStore(ctx.storage);
  }

  /**
   * Adds distinct addresses with their row counts, adding to the rows of ones already in. The
   * job's data are personal data, so the first batch schedules their deletion, at `expiresAt`.
   */
  async add(addresses: PlannedAddress[], expiresAt: number): Promise<void> {
    // One statement a batch, over a JSON array: the per-address cost is SQLite's alone.
    this.#sql.exec(
      `INSERT INTO address (key, email, domain, rows)
       SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3 FROM json_each(?) WHERE true
       ON CONFLICT (key) DO UPDATE SET rows = rows + excluded.rows`,
      JSON.stringify(addresses.map(({ key, email, domain, rows }) => [key, email, domain, rows])),
    );
    if ((await this.ctx.storage.getAlarm()) === null) await this.ctx.storage.setAlarm(expiresAt);
  }

  /** Opens the job once its addresses are in, and queues them in chunks of one domain. */
  async open(job: OpenJob): Promise<void> {
    const distinct = this.#sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM address").one().n;
    this.#sql.exec(
      `INSERT INTO job (id, job_id, total, distinct_addresses, upload_key, origin, webhook_url, webhook_secret, reverify_days, expires_at, progress_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
      job.id,
      job.total,
      distinct,
      job.uploadKey,
      job.origin,
      job.webhookUrl,
      job.webhookSecret,
      job.reverifyDays,
      job.expiresAt,
      Date.now(),
    );
    await this.#dispatch();
    await this.#scheduleAlarm();
  }

  /**
   * Starts a consumer on a chunk: which of its addresses still lack an answer in `run`, and, for
   * a retry (a chunk not in a lane), how long to wait first so that the job keeps to its pace for
   * the domain. A chunk that waited for its slot already (`slot`) goes once the slot has come.
   * Null when the job is gone or has moved on to another run.
   */
  begin(run: number, domain: string, keys: string[], slot: number | null, perSecond: number, lane = false): { pending: string[]; slot: number } | null {
    const job = this.#job();
    if (!job || job.run !== run) return null;
    const unanswered = new Set(
      this.#sql
        .exec<{ key: string }>("SELECT key FROM address WHERE reason IS NULL AND key IN (SELECT value FROM json_each(?))", JSON.stringify(keys))
        .toArray()
        .map(({ key }) => key),
    );
    const pending = keys.filter((key) => unanswered.has(key));
    // A chunk that has its slot keeps it (it may still be early: Queues delay 12 hours at most).
    if (slot !== null) return { pending, slot };
    if (pending.length === 0 || domain === "" || lane) return { pending, slot: Date.now() };
    const start = reserveDomainSlot(this.#sql, domain, pending.length, perSecond, Date.now());
    this.#expectRetry(start);
    return { pending, slot: start };
  }

  /**
   * Stores answers of `run`. The first answer for an address wins, so a message delivered twice
   * changes nothing, and an address the job does not have is ignored. `waiting` names addresses
   * sent back on the queue and when they are due, for the status and the watchdog. `lane` names
   * the domain of a chunk in a lane that has ended: its next chunk is queued. The last answer of
   * a run queues the assembly of its answers file.
   */
  async record(
    run: number,
    answers: { key: string; answer: Pick<RowAnswer, "reason" | "flags"> }[],
    options: { lostChunk?: boolean; waiting?: { keys: string[]; until: number }[]; lane?: string } = {},
  ): Promise<void> {
    const { lostChunk = false, waiting = [], lane } = options;
    const job = this.#job();
    if (!job || job.run !== run) return;
    if (lane !== undefined) await queueNextChunk(this.#sql, this.env.VERIFY_QUEUE, this.#laneJob(job), lane);
    for (const { until } of waiting) this.#expectRetry(until);
    this.ctx.storage.transactionSync(() => {
      if (waiting.length > 0) markWaiting(this.#sql, waiting);
      const encoded = answers.map(({ key, answer }) => [key, ...encodeAnswer(answer)]);
      if (encoded.length > 0) this.#sql.exec("DELETE FROM waiting WHERE key IN (SELECT value ->> 0 FROM json_each(?))", JSON.stringify(encoded));
      const stored = this.#sql
        .exec<{ rows: number; reason: number }>(
          `UPDATE address SET reason = answer.value ->> 1, flags = answer.value ->> 2
           FROM json_each(?) AS answer
           WHERE address.key = answer.value ->> 0 AND address.reason IS NULL
           RETURNING address.rows AS rows, address.reason AS reason`,
          JSON.stringify(encoded),
        )
        .toArray();
      if (stored.length === 0) return;
      const rowsByVerdict = new Map<Verdict, number>();
      for (const { rows, reason } of stored) {
        const verdict = decodeAnswer(reason, 0)!.verdict;
        rowsByVerdict.set(verdict, (rowsByVerdict.get(verdict) ?? 0) + rows);
      }
      for (const [verdict, rows] of rowsByVerdict) {
        this.#sql.exec("INSERT INTO verdict_rows (verdict, rows) VALUES (?, ?) ON CONFLICT (verdict) DO UPDATE SET rows = rows + excluded.rows", verdict, rows);
      }
      // A lost chunk whose addresses were all answered after all (a late success) lost nothing.
      this.#sql.exec("UPDATE job SET answered = answered + ?, progress_at = ?, lost_chunks = lost_chunks + ?", stored.length, Date.now(), lostChunk ? 1 : 0);
    });
    const after = this.#job()!;
    if (after.phase === "running" && after.answered === after.distinct_addresses) {
      // Sent before the phase moves on: if the send fails, the next answer (or a redelivery) sends it.
      await this.env.VERIFY_QUEUE.send({ kind: "assemble", job: after.job_id, run } satisfies JobMessage);
      this.#sql.exec("UPDATE job SET phase = 'assembling' WHERE phase = 'running' AND run = ?", run);
    }
  }

  /** What the assembly of `run` needs, or null when the job is gone or on another run. */
  assemblyOf(run: number): { total: number; uploadKey: string } | null {
    const job = this.#job();
    return job && job.run === run && job.phase !== "running" ? { total: job.total, uploadKey: job.upload_key } : null;
  }

  /** The answers of these keys in the current run, as their two-byte codes. */
  codes(keys: string[]): Record<string, [number, number]> {
    const found: Record<string, [number, number]> = {};
    const rows = this.#sql.exec<{ key: string; reason: number; flags: number }>(
      "SELECT key, reason, flags FROM address WHERE reason IS NOT NULL AND key IN (SELECT value FROM json_each(?))",
      JSON.stringify(keys),
    );
    for (const { key, reason, flags } of rows) found[key] = [reason, flags];
    return found;
  }

  /** Run `run`'s answers file is in R2 (or could not be made): the run is over; tell the webhook. */
  async finished(run: number, outcome: { changedRows: number | null } | "assembly_failed"): Promise<void> {
    const job = this.#job();
    if (!job || job.run !== run || job.phase === "done") return;
    const changed = outcome === "assembly_failed" ? null : outcome.changedRows;
    this.#sql.exec(
      "UPDATE job SET phase = 'done', assembly_failed = ?, changed_rows = ?, webhook_state = ?",
      outcome === "assembly_failed" ? 1 : 0,
      changed,
      job.webhook_url ? "pending" : null,
    );
    if (job.webhook_url) await this.env.VERIFY_QUEUE.send({ kind: "webhook", job: job.job_id, run, attempt: 0 } satisfies JobMessage);
    await this.#scheduleAlarm();
  }

  /** The webhook delivery of `run`: where, the signing secret and the payload; null if none is due. */
  webhookOf(run: number): { url: string; secret: string; payload: WebhookPayload; job: { id: string; uploadKey: string } } | null {
    const job = this.#job();
    if (!job || job.run !== run || job.webhook_state !== "pending" || !job.webhook_url || !job.webhook_secret) return null;
    return {
      url: job.webhook_url,
      secret: job.webhook_secret,
      payload: webhookPayload(job, this.status()!),
      job: { id: job.job_id, uploadKey: job.upload_key },
    };
  }

  /**
   * What reading the job's results needs: its upload, and the latest run whose answers file is
   * complete (during a re-verification, the run before), or null for none yet; null for no job.
   */
  resultsOf(): { id: string; uploadKey: string; run: number | null } | null {
    const job = this.#job();
    if (!job) return null;
    const complete = job.phase === "done" && !job.assembly_failed;
    return { id: job.job_id, uploadKey: job.upload_key, run: complete ? job.run : job.run > 1 ? job.run - 1 : null };
  }

  /** How the webhook delivery of `run` ended. */
  webhookDone(run: number, state: "delivered" | "failed"): void {
    this.#sql.exec("UPDATE job SET webhook_state = ? WHERE run = ?", state, run);
  }

  /**
   * Starts a scheduled re-verification: a new run that asks again about every address, keeping
   * the last run's answers file to compare with. False when the job is gone or still running.
   */
  async reverify(): Promise<boolean> {
    const job = this.#job();
    if (job?.phase !== "done") return false;
    this.ctx.storage.transactionSync(() => {
      this.#sql.exec(
        "UPDATE address SET reason = NULL, flags = NULL; DELETE FROM verdict_rows; DELETE FROM domain_pace; DELETE FROM waiting; DELETE FROM lane;",
      );
      this.#sql.exec(
        "UPDATE job SET run = run + 1, answered = 0, lost_chunks = 0, phase = 'running', assembly_failed = 0, changed_rows = NULL, webhook_state = NULL, progress_at = ?, waiting_until = 0",
        Date.now(),
      );
    });
    await this.#dispatch();
    await this.#scheduleAlarm();
    return true;
  }

  /** The job's progress, or null when no job was created under this id. */
  status(): JobProgress | null {
    const job = this.#job();
    if (!job) return null;
    const counts = Object.fromEntries(VERDICTS.map((verdict) => [verdict, 0])) as Record<Verdict, number>;
    for (const { verdict, rows } of this.#sql.exec<{ verdict: Verdict; rows: number }>("SELECT verdict, rows FROM verdict_rows")) counts[verdict] = rows;
    return jobStatusOf(job, counts, waitingOf(this.#sql));
  }

  /**
   * Deletes the job's files in R2 and its state now. What D1 knows of it (its owner, its
   * schedule) is the caller's to forget (jobs-db.ts): the object keeps to its own storage.
   */
  async erase(): Promise<void> {
    const job = this.#job();
    if (job) {
      const prefix = jobPrefix(job.job_id);
      for (let listed = await this.env.JOBS_BUCKET.list({ prefix }); ; listed = await this.env.JOBS_BUCKET.list({ prefix, cursor: listed.cursor })) {
        if (listed.objects.length > 0) await this.env.JOBS_BUCKET.delete(listed.objects.map((object) => object.key));
        if (!listed.truncated) break;
      }
    }
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    // The object lives on (late queue messages still reach it): it is an empty one again.
    migrateJobStore(this.ctx.storage);
  }

  /**
   * The job's one alarm does two things. Retention: a job is deleted when it runs out, unless its
   * owner has it re-verified on a schedule; then its last run is kept as long as the schedule is
   * (DELETE /v1/jobs/{id} ends both). Watchdog: a run that has made no progress for a while lost a
   * message somewhere, so what it still lacks is queued again (duplicates change nothing), and a
   * run that was being assembled is assembled again. Together, no job is left unfinished.
   */
  override async alarm(): Promise<void> {
    const job = this.#job();
    // Addresses were added but the job never opened (its upload was refused): nothing to keep.
    if (!job) return this.erase();
    const now = Date.now();
    if (now >= job.expires_at) {
      if (!job.reverify_days) {
        // Queued before the erasure, so a failed send leaves the job whole for the alarm's retry.
        await this.env.VERIFY_QUEUE.send({ kind: "forget", job: job.job_id } satisfies JobMessage);
        return this.erase();
      }
      this.#sql.exec("UPDATE job SET expires_at = ?", now + (job.reverify_days + 1) * 86_400_000);
    } else if (job.phase !== "done" && now >= stalledAt(job)) {
      logLine("warn", "job made no progress; queueing what it lacks again", { job: job.job_id, stalled_s: Math.round((now - job.progress_at) / 1000) });
      this.#sql.exec("UPDATE job SET progress_at = ?", now);
      if (job.phase === "running") await this.#dispatch();
      else await this.env.VERIFY_QUEUE.send({ kind: "assemble", job: job.job_id, run: job.run } satisfies JobMessage);
    }
    await this.#scheduleAlarm();
  }

  /** A consumer sent work back on the queue for `at` (epoch ms): the run is not stalled before then. */
  #expectRetry(at: number): void {
    this.#sql.exec("UPDATE job SET waiting_until = MAX(waiting_until, ?)", at);
  }

  /** Sets the alarm for the watchdog while the run is under way, and for retention always. */
  async #scheduleAlarm(): Promise<void> {
    const job = this.#job();
    if (!job) return;
    await this.ctx.storage.setAlarm(job.phase === "done" ? job.expires_at : Math.min(job.expires_at, stalledAt(job)));
  }

  #job(): JobRow | undefined {
    return readJob(this.#sql);
  }

  /** Queues the addresses still without an answer: the first chunks of each domain's lanes. */
  async #dispatch(): Promise<void> {
    await queueFirstChunks(this.#sql, this.env.VERIFY_QUEUE, this.#laneJob(this.#job()!));
  }

  #laneJob(job: JobRow): { job: string; run: number; lanes: number } {
    return { job: job.job_id, run: job.run, lanes: edgeSettings(this.env).jobDomainChunks };
  }
}

/** When a run with no news since its last answer, or since the last retry it waits for, is stalled. */
function stalledAt(job: JobRow): number {
  return Math.max(job.progress_at, job.waiting_until) + STALL_MS;
}
