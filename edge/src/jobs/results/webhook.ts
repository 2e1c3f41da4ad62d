import { SIGNATURE_HEADER, signWebhook } from "../../../../shared/webhook/signature";
import { logLine } from "../../../../shared/log/json-log";
import { edgeSettings, type Env } from "../../env";
import { changedRows } from "./changes";
import { jobCoordinator } from "../coordinator-stub";
import type { DeliverWebhook } from "../messages";
import { type RowChange, WEBHOOK_INLINE_CHANGES } from "./webhook-payload";
import { webhookRefusal, webhookRules } from "./webhook-target";

/** Deliveries tried in all, and the wait before the second; each wait after is four times longer. */
const WEBHOOK_ATTEMPTS = 8;
/** Time a receiver has to answer one delivery. */
const WEBHOOK_TIMEOUT_MS = 10_000;
/** Queues delays at most 12 hours. */
const MAX_DELAY_S = 43_200;

/**
 * Delivers a run's webhook: POSTs the payload, signed with the job's secret (Mailvet-Signature,
 * shared/webhook/signature.ts), and on anything but a 2xx answer sends itself back on the queue
 * with a growing delay (MAILVET_JOB_WEBHOOK_BACKOFF seconds, then ×4 each time, for 8 attempts
 * in all: about 15 hours at the default of 10 s), then records the delivery as failed.
 *
 * @example
 * await deliverWebhook({ kind: "webhook", job: id, run: 1, attempt: 0 }, env);
 */
export async function deliverWebhook(message: DeliverWebhook, env: Env): Promise<void> {
  const job = jobCoordinator(env, message.job);
  const delivery = await job.webhookOf(message.run);
  if (!delivery) return;
  const payload = { ...delivery.payload };
  if (payload.changes_url) payload.changes = await firstChanges(env, delivery.job, message.run);
  const body = JSON.stringify(payload);
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "Mailvet-Webhook/1",
    "Mailvet-Event": payload.event,
    "Mailvet-Delivery": payload.delivery,
    [SIGNATURE_HEADER]: await signWebhook(delivery.secret, body, Math.floor(Date.now() / 1000)),
  };
  // Checked again before each attempt: the host may resolve elsewhere now than when the job was
  // created. A refusal counts as a failed attempt (a DNS failure may pass).
  const refused = await webhookRefusal(delivery.url, webhookRules(env));
  if (refused) logLine("warn", "webhook not sent", { job: message.job, refused });
  const delivered =
    !refused &&
    (await fetch(delivery.url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) }).then(
      async (response) => {
        await response.body?.cancel();
        return response.ok;
      },
      () => false,
    ));
  if (delivered) return job.webhookDone(message.run, "delivered");
  if (message.attempt + 1 >= WEBHOOK_ATTEMPTS) {
    logLine("error", "webhook not delivered", { job: message.job, attempts: WEBHOOK_ATTEMPTS });
    return job.webhookDone(message.run, "failed");
  }
  const delaySeconds = Math.min(MAX_DELAY_S, edgeSettings(env).jobWebhookBackoffSeconds * 4 ** message.attempt);
  await env.VERIFY_QUEUE.send({ ...message, attempt: message.attempt + 1 }, { delaySeconds });
}

async function firstChanges(env: Env, job: { id: string; uploadKey: string }, run: number): Promise<RowChange[]> {
  const changes: RowChange[] = [];
  for await (const change of changedRows(env, job, run)) {
    changes.push(change);
    if (changes.length === WEBHOOK_INLINE_CHANGES) break;
  }
  return changes;
}
