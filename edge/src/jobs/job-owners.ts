import type { Env } from "../env";

/**
 * Which jobs exist and who owns each, in D1: the routes look a job up here before they touch its
 * Durable Object, so a request for a job that does not exist (or is someone else's) creates no
 * object and no storage, and a job is visible only to the key that created it.
 */
const SCHEMA = "CREATE TABLE IF NOT EXISTS job_owner (job TEXT PRIMARY KEY, owner TEXT NOT NULL)";

/**
 * Records job `id` as `owner`'s; from now on the routes find it.
 *
 * @example
 * await recordJobOwner(env, id, caller.owner);
 */
export async function recordJobOwner(env: Env, id: string, owner: string): Promise<void> {
  await env.JOBS_DB.batch([env.JOBS_DB.prepare(SCHEMA), env.JOBS_DB.prepare("INSERT OR REPLACE INTO job_owner (job, owner) VALUES (?, ?)").bind(id, owner)]);
}

/**
 * The owner of job `id`, or null when there is no such job. Creates nothing: before the first
 * job there is no table, and that too means no job.
 *
 * @example
 * if ((await jobOwner(env, id)) !== caller.owner) throw notFound;
 */
export async function jobOwner(env: Env, id: string): Promise<string | null> {
  try {
    return (await env.JOBS_DB.prepare("SELECT owner FROM job_owner WHERE job = ?").bind(id).first<string>("owner")) ?? null;
  } catch (error) {
    if (error instanceof Error && /no such table/.test(error.message)) return null;
    throw error;
  }
}

/**
 * Forgets job `id` (it was deleted): the routes answer 404 for it from now on.
 *
 * @example
 * await forgetJobOwner(env, id);
 */
export async function forgetJobOwner(env: Env, id: string): Promise<void> {
  await env.JOBS_DB.batch([env.JOBS_DB.prepare(SCHEMA), env.JOBS_DB.prepare("DELETE FROM job_owner WHERE job = ?").bind(id)]);
}
