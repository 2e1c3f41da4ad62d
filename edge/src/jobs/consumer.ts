import { composeResult, type SmtpFacts } from "../../../shared/verify/compose";
import { checkOffline } from "../../../shared/verify/offline";
import { logLine } from "../../../shared/log/json-log";
import { analyticsOf } from "../analytics/analytics";
import type { ChunkTally, JobStepPoint } from "../analytics/data-points";
import { edgeSettings, type Env } from "../env";
import { listOverrides } from "../lists";
import { assembleAnswers } from "./results/assemble";
import { jobCoordinator } from "./coordinator-stub";
import { forgetJob } from "./jobs-db";
import type { JobMessage } from "./messages";
import { verifyChunk } from "./run/verify-chunk";
import { deliverWebhook } from "./results/webhook";

/** What a chunk that ran out of retries learned of SMTP: nothing. */
const SMTP_ERROR: SmtpFacts = { reason: "error", info: { performed: false } };

/** The queue messages go to once they run out of retries (wrangler.toml's dead_letter_queue). */
export const DEAD_LETTER_QUEUE = "mailvet-verify-dlq";

/**
 * The consumer of the `mailvet-verify` queue and of its dead-letter queue. Messages of a batch
 * run side by side (they are mostly chunks of different domains, so different mail servers);
 * each is acked when done and retried by the queue when it throws, so a crash loses nothing.
 * A message that runs out of retries lands in the dead-letter queue, where it ends its part of
 * the job for good: a chunk's addresses become unknown/error and the job reports `failed`.
 *
 * @example
 * export default { fetch: app.fetch, queue: jobQueue };
 */
export async function jobQueue(batch: MessageBatch<JobMessage>, env: Env, ctx: ExecutionContext): Promise<void> {
  const deadLetters = batch.queue === DEAD_LETTER_QUEUE;
  const handle = deadLetters ? giveUp : (message: JobMessage) => work(message, env, ctx);
  const analytics = analyticsOf(env, (promise) => ctx.waitUntil(promise));
  await Promise.all(
    batch.messages.map(async (message) => {
      const { job, kind: step } = message.body;
      const started = Date.now();
      const record = (outcome: JobStepPoint["outcome"], chunk: ChunkTally | null = null) =>
        analytics.jobStep({ job, step, outcome, durationMs: Date.now() - started, ...(chunk && { chunk }) });
      try {
        const chunk = await handle(message.body, env);
        message.ack();
        record(deadLetters ? "gave_up" : "ok", chunk ?? null);
      } catch (error) {
        // The job and the error's kind only: an error's message may quote an address.
        logLine("error", "job step failed; retrying", { job, step, error: error instanceof Error ? error.name : "error" });
        message.retry();
        record("retry");
      }
    }),
  );
}

function work(message: JobMessage, env: Env, ctx: ExecutionContext): Promise<ChunkTally | null | void> {
  switch (message.kind) {
    case "verify":
      return verifyChunk(message, env, ctx);
    case "assemble":
      return assembleAnswers(message, env);
    case "webhook":
      return deliverWebhook(message, env);
    case "forget":
      return forgetJob(env, message.job);
  }
}

async function giveUp(message: JobMessage, env: Env): Promise<void> {
  const job = jobCoordinator(env, message.job);
  logLine("error", "job step ran out of retries", { job: message.job, step: message.kind });
  switch (message.kind) {
    case "verify": {
      // What the edge knows without the network still counts (a disposable domain is risky
      // whatever SMTP says); the rest is unknown/error.
      const options = { ...(await listOverrides(env)), allowReservedDomains: edgeSettings(env).allowReservedDomains };
      const answers = message.addresses.map(({ key, email }) => {
        const { reason, flags } = composeResult({ email, offline: checkOffline(email, options), smtp: SMTP_ERROR, startedAt: Date.now() });
        return { key, answer: { reason, flags } };
      });
      return job.record(message.run, answers, { lostChunk: true, ...(message.lane && { lane: message.domain }) });
    }
    case "assemble":
      return job.finished(message.run, "assembly_failed");
    case "webhook":
      return job.webhookDone(message.run, "failed");
    case "forget":
      // The job's data are gone; what is left is its id and owner's name, which 404 either way.
      return;
  }
}
