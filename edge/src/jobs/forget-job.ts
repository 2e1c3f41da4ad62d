import type { Env } from "../env";
import { forgetJobOwner } from "./job-owners";
import { unscheduleReverification } from "./schedule";

/**
 * Forgets what D1 knows of job `id` once its Durable Object has erased it: its schedule, then
 * its owner (from then on the routes answer 404). DELETE /v1/jobs/{id} calls it, and the queue's
 * consumer when retention ended a job.
 *
 * @example
 * await jobCoordinator(env, id).erase();
 * await forgetJob(env, id);
 */
export async function forgetJob(env: Env, id: string): Promise<void> {
  await unscheduleReverification(env, id);
  await forgetJobOwner(env, id);
}
