import { type FindingChange, findingChanges, findingStates } from "../../../shared/reputation";
import { SIGNATURE_HEADER, signWebhook } from "../../../shared/webhook/signature";
import type { Env } from "../env";
import { webhookRefusal, webhookRules } from "../jobs/results/webhook-target";
import { edgeReview } from "./review";
import { type ScheduleRow, schedulesDb } from "./schedules-db";

/** Reviews per Cron run; the rest are due still and go at the next. */
const DUE_PER_RUN = 20;
/** A webhook that was not delivered is tried again at the next hourly Cron run. */
const RETRY_MS = 3_600_000;
const DAY_MS = 86_400_000;
const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The Cron Trigger's reputation work: reviews each schedule that is due and, when a finding
 * changed since the last review the webhook was told of (or on the first review), POSTs the
 * changes to its webhook, signed with its secret (Mailvet-Signature, as bulk jobs' webhooks). A
 * delivery that fails keeps the old findings and is tried again an hour later. Returns the
 * schedules whose webhook was delivered.
 *
 * @example
 * scheduled: (controller, env, ctx) => ctx.waitUntil(runDueReputationReviews(env, controller.scheduledTime))
 */
export async function runDueReputationReviews(env: Env, now = Date.now()): Promise<string[]> {
  const db = schedulesDb(env);
  const notified: string[] = [];
  for (const row of await db.due(now, DUE_PER_RUN)) {
    const review = await edgeReview(env, row.domain, JSON.parse(row.ips) as string[]);
    const changes = findingChanges(row.findings === null ? null : JSON.parse(row.findings), review.findings);
    const delivered = changes.length === 0 || (await deliver(env, row, { status: review.status, at: review.at, changes }));
    if (delivered && changes.length > 0) notified.push(row.id);
    await db.recordRun(row.id, {
      nextAt: delivered ? now + row.every_days * DAY_MS : now + RETRY_MS,
      at: now,
      status: review.status,
      findings: delivered ? JSON.stringify(findingStates(review.findings)) : null,
    });
  }
  return notified;
}

async function deliver(env: Env, row: ScheduleRow, review: { status: string; at: string; changes: FindingChange[] }): Promise<boolean> {
  const refused = await webhookRefusal(row.webhook_url, webhookRules(env));
  if (refused) {
    console.error(`reputation schedule ${row.id}: webhook not sent: ${refused}`);
    return false;
  }
  const delivery = crypto.randomUUID();
  const body = JSON.stringify({ event: "reputation.changed", delivery, schedule: row.id, domain: row.domain, ips: JSON.parse(row.ips), ...review });
  const headers = {
    "Content-Type": "application/json",
    "User-Agent": "Mailvet-Webhook/1",
    "Mailvet-Event": "reputation.changed",
    "Mailvet-Delivery": delivery,
    [SIGNATURE_HEADER]: await signWebhook(row.webhook_secret, body, Math.floor(Date.now() / 1000)),
  };
  return fetch(row.webhook_url, { method: "POST", headers, body, redirect: "manual", signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) }).then(
    async (response) => {
      await response.body?.cancel();
      return response.ok;
    },
    () => false,
  );
}
