import { setTimeout as sleep } from "node:timers/promises";
import type { JobStatus, MailvetApi } from "./api-client";
import { CliError } from "./exit-codes";

/** Between polls of a job's status: often enough for a lively bar, rare enough to cost nothing. */
const POLL_MS = 1_000;
/** The first pause, doubled up to POLL_MS: a short list is done before a second has passed. */
const FIRST_POLL_MS = 125;
/** Polls in a row that may fail (the API restarting, a network blip) before watching gives up. */
const MAX_FAILED_POLLS = 5;

/**
 * Polls a job until it ends, done or failed, passing each status to `onStatus`, and resolves
 * with the last. Transient failures are retried with a growing pause; Ctrl-C (`signal`) rejects
 * at once with an AbortError.
 *
 * @example
 * const job = await watchJob(api, id, (status) => progress.update(status), signal);
 */
export async function watchJob(api: MailvetApi, id: string, onStatus: (job: JobStatus) => void, signal: AbortSignal, pollMs = POLL_MS): Promise<JobStatus> {
  let failedPolls = 0;
  for (let polls = 0; ; polls++) {
    let job: JobStatus;
    try {
      job = await api.jobStatus(id);
      failedPolls = 0;
    } catch (error) {
      if (!(error instanceof CliError && error.transient) || ++failedPolls >= MAX_FAILED_POLLS) throw error;
      await sleep(pollMs * 2 ** failedPolls, undefined, { signal });
      continue;
    }
    onStatus(job);
    if (job.status === "done" || job.status === "failed") return job;
    await sleep(Math.min(pollMs, FIRST_POLL_MS * 2 ** polls), undefined, { signal });
  }
}
