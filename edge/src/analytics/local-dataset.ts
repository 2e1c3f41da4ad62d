import { logLine } from "../../../shared/log/json-log";

/**
 * An Analytics Engine dataset that keeps its data points in the D1 table `analytics_points`
 * (edge/migrations/0006_analytics_points.sql), for `npm start` and the tests: workerd's local
 * Analytics Engine binding accepts `writeDataPoint` and keeps nothing. The code that writes is
 * the same either way; only the dataset differs. The insert runs after the response
 * (`waitUntil`); a failed one is logged and lost, as a data point Analytics Engine drops would be.
 *
 * @example
 * const dataset = localDataset(env.JOBS_DB, (promise) => ctx.waitUntil(promise));
 * dataset.writeDataPoint({ indexes: ["verification"], blobs: ["deliverable"], doubles: [12] });
 */
export function localDataset(db: D1Database, waitUntil: (promise: Promise<unknown>) => void): AnalyticsEngineDataset {
  return {
    writeDataPoint(point = {}) {
      const insert = db
        .prepare("INSERT INTO analytics_points (written_at, index1, blobs, doubles) VALUES (?, ?, ?, ?)")
        .bind(Date.now(), point.indexes?.[0] ?? "", JSON.stringify(point.blobs ?? []), JSON.stringify(point.doubles ?? []))
        .run()
        .catch((error: unknown) => logLine("warn", "analytics point not stored", { error: error instanceof Error ? error.name : "error" }));
      waitUntil(insert);
    },
  };
}
