import type { Env } from "../../env";
import { AnswersReader, answeredRows } from "./answers-file";
import { openUpload } from "../upload/open-upload";
import { answersKey } from "../storage-keys";
import type { RowChange } from "./webhook-payload";

/**
 * The rows whose verdict changed between run `run - 1` and run `run` of a job, in row order:
 * the upload and both answers files read side by side, so nothing about changes is stored.
 * Nothing when either run's answers are missing.
 *
 * @example
 * for await (const change of changedRows(env, job, 2)) console.log(change.row, change.after.verdict);
 */
export async function* changedRows(env: Env, job: { id: string; uploadKey: string }, run: number): AsyncGenerator<RowChange> {
  const before = run > 1 ? await AnswersReader.open(env.JOBS_BUCKET, answersKey(job.id, run - 1)) : null;
  if (!before) return;
  const after = await AnswersReader.open(env.JOBS_BUCKET, answersKey(job.id, run));
  if (!after) return before.close();
  try {
    const table = await openUpload(env, job.uploadKey);
    for await (const row of answeredRows(table.rows, after)) {
      const previous = await before.next();
      if (previous.verdict === row.verdict) continue;
      yield {
        row: row.row,
        email: row.email,
        before: { verdict: previous.verdict, reason: previous.reason },
        after: { verdict: row.verdict, reason: row.reason },
      };
    }
  } finally {
    await before.close();
  }
}
