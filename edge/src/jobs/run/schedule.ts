import type { Env } from "../../env";
import { jobCoordinator } from "../coordinator-stub";
import { dueReverifications, moveReverification, unscheduleReverification } from "../jobs-db";

/** Jobs started per Cron run; the rest are due still and go at the next. */
const DUE_PER_RUN = 100;
/** How long a due job still running waits for its turn again: one period of the hourly Cron Trigger. */
const BUSY_RETRY_MS = 3_600_000;

/**
 * The Cron Trigger's work: starts a new run of every job whose re-verification is due (the
 * schedules are in D1, so one query finds them over all jobs) and moves its next date on. A job
 * still running when due is tried again an hour later, behind the jobs due before then (keeping
 * its date would let a hundred such jobs take every run's places and starve every other
 * schedule); a job that no longer exists loses its schedule. Returns the jobs started.
 *
 * @example
 * export default { scheduled: (controller, env, ctx) => ctx.waitUntil(runDueReverifications(env, controller.scheduledTime)) };
 */
export async function runDueReverifications(env: Env, now = Date.now()): Promise<string[]> {
  const started: string[] = [];
  for (const { job, everyDays } of await dueReverifications(env, now, DUE_PER_RUN)) {
    const coordinator = jobCoordinator(env, job);
    if (!(await coordinator.status())) {
      await unscheduleReverification(env, job);
      continue;
    }
    const reverifying = await coordinator.reverify();
    await moveReverification(env, job, reverifying ? now + everyDays * 86_400_000 : now + BUSY_RETRY_MS);
    if (reverifying) started.push(job);
  }
  return started;
}
