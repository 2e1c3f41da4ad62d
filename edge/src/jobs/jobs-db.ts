import type { Env } from "../env";

/**
 * Every statement the edge sends to D1 (JOBS_DB), whose tables edge/migrations/ creates. D1 holds
 * only what must be queried across jobs: each job's owner, which the routes look up before they
 * touch a job's Durable Object (so a request for a job that does not exist, or is someone else's,
 * creates no object), and the schedules of re-verification, which the Cron Trigger reads.
 */

const DAY_MS = 86_400_000;

/**
 * Records job `id` as `owner`'s; from now on the routes find it.
 *
 * @example
 * await recordJobOwner(env, id, caller.owner);
 */
export async function recordJobOwner(env: Env, id: string, owner: string): Promise<void> {
  await env.JOBS_DB.prepare("INSERT OR REPLACE INTO job_owner (job, owner) VALUES (?, ?)").bind(id, owner).run();
}

/**
 * The owner of job `id`, or null when there is no such job.
 *
 * @example
 * if ((await jobOwner(env, id)) !== caller.owner) throw notFound;
 */
export async function jobOwner(env: Env, id: string): Promise<string | null> {
  return (await env.JOBS_DB.prepare("SELECT owner FROM job_owner WHERE job = ?").bind(id).first<string>("owner")) ?? null;
}

/**
 * Has job `id` re-verified every `everyDays` days from `now`.
 *
 * @example
 * await scheduleReverification(env, id, 7);
 */
export async function scheduleReverification(env: Env, id: string, everyDays: number, now = Date.now()): Promise<void> {
  await env.JOBS_DB.prepare("INSERT OR REPLACE INTO reverification (job, every_days, next_at) VALUES (?, ?, ?)")
    .bind(id, everyDays, now + everyDays * DAY_MS)
    .run();
}

/**
 * Ends job `id`'s schedule, if it has one.
 *
 * @example
 * await unscheduleReverification(env, id);
 */
export async function unscheduleReverification(env: Env, id: string): Promise<void> {
  await env.JOBS_DB.prepare("DELETE FROM reverification WHERE job = ?").bind(id).run();
}

/**
 * The first `limit` schedules due at `now`, the longest due first.
 *
 * @example
 * for (const { job, everyDays } of await dueReverifications(env, Date.now(), 100)) …
 */
export async function dueReverifications(env: Env, now: number, limit: number): Promise<{ job: string; everyDays: number }[]> {
  const due = await env.JOBS_DB.prepare("SELECT job, every_days FROM reverification WHERE next_at <= ? ORDER BY next_at LIMIT ?")
    .bind(now, limit)
    .all<{ job: string; every_days: number }>();
  return due.results.map(({ job, every_days }) => ({ job, everyDays: every_days }));
}

/**
 * Moves job `id`'s next re-verification to `at` (epoch ms).
 *
 * @example
 * await moveReverification(env, id, now + everyDays * 86_400_000);
 */
export async function moveReverification(env: Env, id: string, at: number): Promise<void> {
  await env.JOBS_DB.prepare("UPDATE reverification SET next_at = ? WHERE job = ?").bind(at, id).run();
}

/**
 * Forgets what D1 knows of job `id` once its Durable Object has erased it, in one batch: its
 * schedule and its owner (from then on the routes answer 404). DELETE /v1/jobs/{id} calls it, and
 * the queue's consumer when retention ended a job.
 *
 * @example
 * await jobCoordinator(env, id).erase();
 * await forgetJob(env, id);
 */
export async function forgetJob(env: Env, id: string): Promise<void> {
  await env.JOBS_DB.batch([
    env.JOBS_DB.prepare("DELETE FROM reverification WHERE job = ?").bind(id),
    env.JOBS_DB.prepare("DELETE FROM job_owner WHERE job = ?").bind(id),
  ]);
}
