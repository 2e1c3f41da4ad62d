import { edgeSettings, type Env } from "../env";
import { askDoctor } from "./doctor-report";
import { readReview, recordReport } from "./review-db";
import { forgetStoredReview } from "./review";
import { findingsOfReport } from "./standing";
import { trialProbe } from "./trial-probe";

/**
 * The standing review, run by the Cron Trigger: asks every configured prober for its doctor
 * report and keeps it in D1 (an unanswered request as `unreachable`), then sends each prober
 * that domains blocked a trial probe to the domain that blocked it last, so a lifted block
 * brings it back into use. One prober's trouble never stops the others' review.
 *
 * @example
 * ctx.waitUntil(reviewProbers(env, controller.scheduledTime));
 */
export async function reviewProbers(env: Env, now: number): Promise<void> {
  const settings = edgeSettings(env);
  const stored = await readReview(env.JOBS_DB, now - settings.proberBlockWindowSeconds * 1000);
  await Promise.allSettled(
    settings.probers.map(async (prober) => {
      const { report } = await askDoctor(prober, settings.proberSecrets);
      await recordReport(env.JOBS_DB, {
        prober: prober.id,
        at: now,
        status: report?.status ?? "unreachable",
        findings: report ? findingsOfReport(report) : [],
        report: report && JSON.stringify(report),
      });
      const blocks = [...(stored.get(prober.id)?.blocks ?? [])].sort((a, b) => b[1] - a[1]);
      if (blocks[0]) await trialProbe(env.JOBS_DB, settings, prober, blocks[0][0]);
    }),
  );
  forgetStoredReview();
}
