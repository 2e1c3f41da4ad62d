import { createApp } from "./app";
import { handleEmail } from "./email/email-handler";
import type { Env } from "./env";
import { jobQueue } from "./jobs/consumer";
import type { JobMessage } from "./jobs/messages";
import { runDueReverifications } from "./jobs/run/schedule";
import { runDueReputationReviews } from "./reputation/run-schedules";
import { reviewProbers } from "./probers/cron-review";

export { JobCoordinator } from "./jobs/coordinator";

export default {
  fetch: createApp().fetch,
  queue: jobQueue,
  email: handleEmail,
  // Each scheduled task runs on its own: one failing does not stop the others.
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runDueReverifications(env, controller.scheduledTime));
    ctx.waitUntil(runDueReputationReviews(env, controller.scheduledTime));
    ctx.waitUntil(reviewProbers(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env, JobMessage>;
