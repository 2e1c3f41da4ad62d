import { access, constants } from "node:fs/promises";
import { dirname } from "node:path";
import { MailvetApi } from "./api-client";
import type { ApiTarget, OutputChoice } from "./args";
import { CliError, EXIT, type ExitCode } from "./exit-codes";
import type { CommandIo } from "./io";
import { writeWhole } from "./output-file";
import { paintFor } from "./paint";
import { progressReporter } from "./progress";
import { resultsCommand } from "./results-command";
import { formatSummary, summaryJson } from "./summary";
import { formatCount } from "./units";
import { uploadBody } from "./upload";
import { watchJob } from "./watch";

/** Fails before anything is uploaded when the results could not be written anyway. */
async function assertWritable(path: string): Promise<void> {
  try {
    await access(dirname(path), constants.W_OK);
  } catch {
    throw new CliError(EXIT.input, `cannot write ${path}: its folder is missing or read-only`);
  }
}

/**
 * Waits for a job, shows its progress on stderr, writes its results and prints the summary on
 * stdout. A failed job's results are written too (its unanswered rows are unknown/error), with
 * exit 3. Ctrl-C or a lost API leaves the job running on the server: the error then says how
 * to fetch its results later.
 */
async function finishJob(api: MailvetApi, jobId: string, output: OutputChoice, json: boolean, io: CommandIo, startedAt: number | undefined): Promise<ExitCode> {
  const progress = progressReporter(io.stderr);
  try {
    const job = await watchJob(api, jobId, (status) => progress.update(status), io.signal);
    progress.clear();
    await writeWhole(output.path, await api.results(jobId, output), io.signal);
    const summary = {
      jobId,
      status: job.status,
      total: job.total,
      counts: job.counts,
      output,
      elapsedMs: startedAt === undefined ? undefined : Date.now() - startedAt,
    };
    io.stdout.write(json ? `${JSON.stringify(summaryJson(summary))}\n` : `${formatSummary(summary, paintFor(io.stdout))}\n`);
    if (job.status === "done") return EXIT.ok;
    // The results are whole, but the service could not answer some rows: scripts should know.
    io.stderr.write(`mailvet: job ${jobId} failed: some addresses could not be verified after every retry (unknown/error in the results)\n`);
    return EXIT.api;
  } catch (error) {
    progress.clear();
    const later = `job ${jobId} carries on on the server; fetch its results later with:\n  ${resultsCommand(jobId, output, api.target, process.env)}`;
    if (io.signal.aborted) throw new CliError(EXIT.interrupted, `stopped; ${later}`);
    if (error instanceof CliError && error.transient) throw new CliError(error.exitCode, `${error.message}\n${later}`);
    throw error;
  }
}

/**
 * `mailvet clean <file> -o <out>`: uploads the list as a bulk job, then finishes it as
 * `results` does, with the time from upload to written file in the summary.
 *
 * @example
 * process.exitCode = await runClean({ name: "clean", input: "list.csv", output, json: false, api }, io);
 */
export async function runClean(command: { api: ApiTarget; json: boolean; input: string; output: OutputChoice }, io: CommandIo): Promise<ExitCode> {
  const startedAt = Date.now();
  await assertWritable(command.output.path);
  const { body, bytes } = await uploadBody(command.input);
  const api = new MailvetApi(command.api, io.signal);
  io.stderr.write(`Uploading ${command.input} (${formatCount(bytes)} bytes) to ${command.api.url}\n`);
  const job = await api.createJob(body);
  io.stderr.write(`Job ${job.id}: ${formatCount(job.total)} rows\n`);
  return finishJob(api, job.id, command.output, command.json, io, startedAt);
}

/**
 * `mailvet results <job-id> -o <out>`: waits for an existing job and writes its results.
 *
 * @example
 * process.exitCode = await runResults({ name: "results", jobId, output, json: false, api }, io);
 */
export async function runResults(command: { api: ApiTarget; json: boolean; jobId: string; output: OutputChoice }, io: CommandIo): Promise<ExitCode> {
  await assertWritable(command.output.path);
  return finishJob(new MailvetApi(command.api, io.signal), command.jobId, command.output, command.json, io, undefined);
}

/**
 * `mailvet status <job-id>`: the job's progress once, as a line or the API's JSON.
 *
 * @example
 * process.exitCode = await runStatus({ name: "status", jobId, json: true, api }, io);
 */
export async function runStatus(command: { api: ApiTarget; json: boolean; jobId: string }, io: CommandIo): Promise<ExitCode> {
  const job = await new MailvetApi(command.api, io.signal).jobStatus(command.jobId);
  if (command.json) {
    io.stdout.write(`${JSON.stringify(job)}\n`);
    return EXIT.ok;
  }
  const counts = Object.entries(job.counts)
    .map(([verdict, rows]) => `${verdict} ${formatCount(rows)}`)
    .join(", ");
  io.stdout.write(`Job ${job.id}: ${job.status}, ${formatCount(job.processed)}/${formatCount(job.total)} rows (${counts})\n`);
  return EXIT.ok;
}
