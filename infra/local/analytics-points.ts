import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { OFFLINE_WRANGLER_ENV, WRANGLER_BIN } from "./stack";

const repoRoot = new URL("../../", import.meta.url).pathname;

/** A data point as the local stack's edge wrote it (edge/src/analytics/data-points.ts). */
export interface LocalDataPoint {
  readonly index: string;
  readonly blobs: string[];
  readonly doubles: number[];
}

/**
 * The analytics data points of a kind (`verification`, `job_step`) the local edge wrote to its
 * D1 table (MAILVET_ANALYTICS_LOCAL=1), oldest first, read the way a developer would: with
 * `wrangler d1 execute --local` on the stack's state.
 *
 * @example
 * const points = await localDataPoints(stack.statePath, "verification");
 * points[0].blobs[1]; // "deliverable"
 */
export async function localDataPoints(statePath: string | undefined, kind: string): Promise<LocalDataPoint[]> {
  if (!/^[a-z_]+$/.test(kind)) throw new Error(`not a data point kind: ${kind}`);
  const command = `SELECT index1, blobs, doubles FROM analytics_points WHERE index1 = '${kind}' ORDER BY id`;
  const args = [WRANGLER_BIN, "d1", "execute", "mailvet-jobs", "--local", "--json", "--command", command, "--cwd", repoRoot];
  const { stdout } = await promisify(execFile)(process.execPath, [...args, ...(statePath ? ["--persist-to", statePath] : [])], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...OFFLINE_WRANGLER_ENV, CI: "1" },
  });
  const [{ results }] = JSON.parse(stdout) as [{ results: { index1: string; blobs: string; doubles: string }[] }];
  return results.map((row) => ({ index: row.index1, blobs: JSON.parse(row.blobs) as string[], doubles: JSON.parse(row.doubles) as number[] }));
}
