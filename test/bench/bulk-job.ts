import type { JobStatus } from "../../cli/api-client";
import type { LocalStack } from "../../infra/local/stack";

/** Status polls this far apart: the resolution of the time to the first progress report. */
export const POLL_MS = 250;
/** A job whose status stays the same this long has stalled; the bench gives up on it. */
const STALL_MS = 600_000;

/** The moments of a job that split it into phases: planned (202), every row answered, done. */
export type Phase = "accepted" | "answered" | "done";

/** One bulk job through the API, timed from the start of its POST. */
export interface JobRun {
  total: number;
  /** POST → 202: upload to R2, planning, chunks on the queue. */
  acceptedSeconds: number;
  /** POST → the first status with processed > 0 (to within POLL_MS). */
  firstProgressSeconds: number;
  /** POST → the first status with every row processed; assembling the answers follows. */
  answeredSeconds: number;
  /** POST → the first status that says done. */
  doneSeconds: number;
  /** Every status poll: seconds since the POST and rows processed. */
  timeline: { seconds: number; processed: number }[];
  status: JobStatus;
  results: string;
  downloadSeconds: number;
}

/**
 * POSTs `bytes` as a CSV job, polls its status until done, and downloads its results as CSV;
 * `phase` is told when the job is accepted, when every row is answered and when it is done.
 *
 * @example
 * const run = await runJob(stack, generateBulkCsv(options).bytes);
 */
export async function runJob(stack: LocalStack, bytes: Buffer, phase: (reached: Phase) => void = () => {}): Promise<JobRun> {
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const created = await fetch(`${stack.edgeUrl}/v1/jobs`, { method: "POST", headers: { "content-type": "text/csv" }, body: bytes });
  if (created.status !== 202) throw new Error(`POST /v1/jobs answered HTTP ${created.status}: ${await created.text()}`);
  const { id, total } = (await created.json()) as { id: string; total: number };
  const acceptedSeconds = since();
  phase("accepted");
  const timeline: JobRun["timeline"] = [];
  let [firstProgressSeconds, answeredSeconds] = [NaN, NaN];
  let lastChange = performance.now();
  for (;;) {
    const response = await Promise.race([
      fetch(`${stack.edgeUrl}/v1/jobs/${id}`),
      stack.died.then((name) => Promise.reject(new Error(`the ${name} process died during the job`))),
    ]);
    if (response.status !== 200) throw new Error(`GET /v1/jobs/${id} answered HTTP ${response.status}: ${await response.text()}`);
    const status = (await response.json()) as JobStatus;
    const seconds = since();
    if (status.processed !== timeline.at(-1)?.processed) lastChange = performance.now();
    timeline.push({ seconds, processed: status.processed });
    if (status.processed > 0 && Number.isNaN(firstProgressSeconds)) firstProgressSeconds = seconds;
    if (status.processed === total && Number.isNaN(answeredSeconds)) {
      answeredSeconds = seconds;
      phase("answered");
    }
    if (status.status === "failed") throw new Error(`job ${id} failed: ${JSON.stringify(status)}`);
    if (status.status === "done") {
      const doneSeconds = seconds;
      phase("done");
      const download = await fetch(`${stack.edgeUrl}/v1/jobs/${id}/results?format=csv`);
      if (download.status !== 200) throw new Error(`GET /v1/jobs/${id}/results answered HTTP ${download.status}: ${await download.text()}`);
      const results = await download.text();
      return { total, acceptedSeconds, firstProgressSeconds, answeredSeconds, doneSeconds, timeline, status, results, downloadSeconds: since() - doneSeconds };
    }
    if (performance.now() - lastChange > STALL_MS)
      throw new Error(
        `job ${id} stalled at ${status.processed} of ${status.total} rows (${status.status}); all answered ${answeredSeconds.toFixed(1)} s after the POST`,
      );
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
