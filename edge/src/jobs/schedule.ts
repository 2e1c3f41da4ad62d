import type { Env } from "../env";
import { jobCoordinator } from "./coordinator-stub";

/**
 * Scheduled re-verification: the jobs that asked for it, in D1, so the Cron Trigger finds the
 * due ones with one query over all jobs (a Durable Object only knows its own job).
 */
const SCHEMA = "CREATE TABLE IF NOT EXISTS reverification (job TEXT PRIMARY KEY, every_days INTEGER NOT NULL, next_at INTEGER NOT NULL)";
/** Jobs started per Cron run; the rest are due still and go at the next. */
const DUE_PER_RUN = 100;
/** How long a due job still running waits for its turn again: one period of the hourly Cron Trigger. */
const BUSY_RETRY_MS = 3_600_000;

/**
 * Has job `id` re-verified every `everyDays` days from `now`.
 *
 * @example
 * await scheduleReverification(env, id, 7);
 */
export async function scheduleReverification(env: Env, id: string, everyDays: number, now = Date.now()): Promise<void> {
  await env.JOBS_DB.batch([
    env.JOBS_DB.prepare(SCHEMA),
    env.JOBS_DB.prepare("INSERT OR REPLACE INTO reverification (job, every_days, next_at) VALUES (?, ?, ?)").bind(id, everyDays, now + everyDays * 86_400_000),
  ]);
}

/**
 * Ends job `id`'s schedule, if it has one.
 *
 * @example
 * await unscheduleReverification(env, id);
 */
export async function unscheduleReverification(env: Env, id: string): Promise<void> {
  await env.JOBS_DB.batch([env.JOBS_DB.prepare(SCHEMA), env.JOBS_DB.prepare("DELETE FROM reverification WHERE job = ?").bind(id)]);
}

/**
 * The Cron Trigger's work: starts a new run of every job whose re-verification is due and moves
 * its next date on. A job still running when due is tried again an hour later, behind the jobs
 * due before then (keeping its date would let a hundred such jobs take every run's places and
 * starve every other schedule); a job that no longer exists loses its schedule. Returns the jobs
 * started.
 *
 * @example
 * export default { scheduled: (controller, env, ctx) => ctx.waitUntil(runDueReverifications(env, controller.scheduledTime)) };
 */
export async function runDueReverifications(env: Env, now = Date.now()): Promise<string[]> {
  await env.JOBS_DB.prepare(SCHEMA).run();
  const due = await env.JOBS_DB.prepare("SELECT job, every_days FROM reverification WHERE next_at <= ? ORDER BY next_at LIMIT ?")
    .bind(now, DUE_PER_RUN)
    .all<{ job: string; every_days: number }>();
  const started: string[] = [];
  for (const { job, every_days } of due.results) {
    const coordinator = jobCoordinator(env, job);
    if (!(await coordinator.status())) {
      await unscheduleReverification(env, job);
      continue;
    }
    const reverifying = await coordinator.reverify();
    const next = reverifying ? now + every_days * 86_400_000 : now + BUSY_RETRY_MS;
    await env.JOBS_DB.prepare("UPDATE reverification SET next_at = ? WHERE job = ?").bind(next, job).run();
    if (reverifying) started.push(job);
  }
  return started;
}
