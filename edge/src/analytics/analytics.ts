import { logLine } from "../../../shared/log/json-log";
import { edgeSettings, type Env } from "../env";
import { type JobStepPoint, jobStepDataPoint, type VerificationPoint, verificationDataPoint } from "./data-points";
import { localDataset } from "./local-dataset";

/** Where the edge's data points go: one call per verification, one per job step. */
export interface Analytics {
  verification(point: VerificationPoint): void;
  jobStep(point: JobStepPoint): void;
}

/**
 * The edge's analytics: data points (data-points.ts) written to the `ANALYTICS` Workers Analytics
 * Engine dataset (wrangler.toml), or, with MAILVET_ANALYTICS_LOCAL=1, to the local D1 table
 * (local-dataset.ts) that `npm start` and the tests read. Writing never fails a request or a job
 * step: a dataset that throws costs its data point only, and is logged.
 *
 * @example
 * analyticsOf(c.env, (promise) => c.executionCtx.waitUntil(promise)).verification({ result, proberRegion, callerRegion, requestId });
 */
export function analyticsOf(env: Env, waitUntil: (promise: Promise<unknown>) => void): Analytics {
  const dataset: AnalyticsEngineDataset | undefined = edgeSettings(env).analyticsLocal ? localDataset(env.JOBS_DB, waitUntil) : env.ANALYTICS;
  const write = (point: AnalyticsEngineDataPoint) => {
    try {
      dataset?.writeDataPoint(point);
    } catch (error) {
      logLine("warn", "analytics point not written", { error: error instanceof Error ? error.name : "error" });
    }
  };
  return {
    verification: (point) => write(verificationDataPoint(point)),
    jobStep: (point) => write(jobStepDataPoint(point)),
  };
}
