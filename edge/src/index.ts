import { createApp } from "./app";
import type { Env } from "./env";
import { jobQueue } from "./jobs/consumer";
import type { JobMessage } from "./jobs/messages";
import { runDueReverifications } from "./jobs/run/schedule";
import { runDueReputationReviews } from "./reputation/run-schedules";

export { JobCoordinator } from "./jobs/coordinator";

export default {
  fetch: createApp().fetch,
  queue: jobQueue,
  scheduled: (controller, env, ctx) => {
    ctx.waitUntil(runDueReverifications(env, controller.scheduledTime));
    ctx.waitUntil(runDueReputationReviews(env, controller.scheduledTime));
  },
} satisfies ExportedHandler<Env, JobMessage>;
