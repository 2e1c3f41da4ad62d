import { type Verdict, VERDICTS } from "../shared/contract/taxonomy";
import type { JobStatus } from "./api-client";
import type { OutputChoice } from "./args";
import type { Paint } from "./paint";
import { formatCount, formatElapsed, formatPercent } from "./units";

/** What a finished clean (or results) run reports. */
export interface Summary {
  jobId: string;
  /** done, or failed when some rows could not be answered (they are unknown/error). */
  status: JobStatus["status"];
  total: number;
  counts: Record<Verdict, number>;
  output: OutputChoice;
  /** From upload to the written file; absent when the run only fetched an earlier job. */
  elapsedMs: number | undefined;
}

/**
 * Rows the output holds: every row with --all, else the rows of the kept verdicts (the job's
 * counts are per input row, duplicates included, like the output).
 *
 * @example
 * keptRows({ deliverable: 8, undeliverable: 1, risky: 1, unknown: 0 }, ["deliverable", "risky"]); // 9
 */
export function keptRows(counts: Record<Verdict, number>, keep: OutputChoice["keep"]): number {
  const verdicts = keep === "all" ? VERDICTS : keep;
  return verdicts.reduce((sum, verdict) => sum + counts[verdict], 0);
}

/**
 * The summary table for people: rows and share per verdict, what was kept and where, and the
 * pace.
 *
 * @example
 * formatSummary(summary, plain);
 * // "verdict          rows       %\ndeliverable         8   80.0%\n…\nKept 8 of 10 rows (deliverable) in clean.csv."
 */
export function formatSummary(summary: Summary, paint: Paint): string {
  const width = Math.max(4, formatCount(summary.total).length);
  const row = (name: string, rows: number) => `${name.padEnd(14)}${formatCount(rows).padStart(width)}${formatPercent(rows, summary.total).padStart(8)}`;
  const lines = [`${"verdict".padEnd(14)}${"rows".padStart(width)}${"%".padStart(8)}`];
  for (const verdict of VERDICTS) lines.push(paint(verdict, row(verdict, summary.counts[verdict])));
  lines.push(row("total", summary.total), "");
  const { keep, path } = summary.output;
  const which = keep === "all" ? "all verdicts" : keep.join(", ");
  lines.push(`Kept ${formatCount(keptRows(summary.counts, keep))} of ${formatCount(summary.total)} rows (${which}) in ${path}.`);
  const pace =
    summary.elapsedMs === undefined
      ? ""
      : `: ${formatCount(summary.total)} rows in ${formatElapsed(summary.elapsedMs)} (${formatCount(Math.round((summary.total * 1000) / Math.max(1, summary.elapsedMs)))} rows/s)`;
  lines.push(`Job ${summary.jobId}${pace}.`);
  return lines.join("\n");
}

/**
 * The summary for --json, in the API's snake_case.
 *
 * @example
 * JSON.stringify(summaryJson(summary));
 * // {"job":"…","status":"done","output":"clean.csv","format":"csv","keep":["deliverable"],"total":10,"kept":8,"counts":{…},"elapsed_ms":1234}
 */
export function summaryJson(summary: Summary) {
  const { jobId, status, total, counts, output, elapsedMs } = summary;
  return {
    job: jobId,
    status,
    output: output.path,
    format: output.format,
    keep: output.keep,
    total,
    kept: keptRows(counts, output.keep),
    counts,
    elapsed_ms: elapsedMs ?? null,
  };
}
