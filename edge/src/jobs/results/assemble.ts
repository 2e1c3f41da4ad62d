import { ANSWER_BYTES, decodeAnswer, toStream } from "../../../../shared/bulk";
import type { Env } from "../../env";
import { AnswersReader } from "./answers-file";
import { jobCoordinator } from "../coordinator-stub";
import type { AssembleAnswers } from "../messages";
import { openUpload } from "../upload/open-upload";
import { addressKey } from "../upload/plan";
import { answersKey } from "../storage-keys";

/** Rows whose answers are fetched from the job per RPC. */
const LOOKUP_BATCH = 500;

/**
 * Assembles a run's results into R2: reads the upload once, row by row, and writes each row's
 * answer (ANSWER_BYTES, in row order) into the run's answers file, whose length is known from
 * the row count, so it streams into R2 without being held. Results in any format are then the
 * upload and this file read side by side. For a re-verification it counts, on the way, the rows
 * whose verdict changed since the run before, and it keeps only that run's file to compare with.
 * Running it twice writes the same file twice.
 *
 * @example
 * await assembleAnswers({ kind: "assemble", job: id, run: 1 }, env);
 */
export async function assembleAnswers(message: AssembleAnswers, env: Env): Promise<void> {
  const { job: id, run } = message;
  const job = jobCoordinator(env, id);
  const assembly = await job.assemblyOf(run);
  if (!assembly) return;
  const table = await openUpload(env, assembly.uploadKey);
  const previous = run > 1 ? await AnswersReader.open(env.JOBS_BUCKET, answersKey(id, run - 1)) : null;
  let rows = 0;
  let changedRows = 0;

  // Only each row's key is kept, not its cells, which may be a megabyte each.
  const encodeBatch = async (batch: { row: number; key: string }[]): Promise<Uint8Array> => {
    const keys = batch.map((row) => row.key);
    const codes = await job.codes([...new Set(keys)]);
    const bytes = new Uint8Array(batch.length * ANSWER_BYTES);
    for (const [index, key] of keys.entries()) {
      const code = codes[key];
      // Every address of the run is answered before assembly starts; a gap is a bug, not a row to drop.
      if (!code) throw new Error(`job ${id}: row ${batch[index]!.row} has no answer`);
      // Over RPC the pair arrives as a plain array.
      const [reason = 0, flags = 0] = code;
      bytes.set([reason, flags], index * ANSWER_BYTES);
      if (previous && decodeAnswer(...(await previous.nextCodes()))?.verdict !== decodeAnswer(reason, flags)?.verdict) changedRows += 1;
    }
    rows += batch.length;
    return bytes;
  };
  async function* answerBytes(): AsyncGenerator<Uint8Array> {
    let batch: { row: number; key: string }[] = [];
    for await (const { row, email } of table.rows) {
      batch.push({ row, key: addressKey(email) });
      if (batch.length === LOOKUP_BATCH) {
        yield await encodeBatch(batch);
        batch = [];
      }
    }
    if (batch.length > 0) yield await encodeBatch(batch);
  }

  try {
    await env.JOBS_BUCKET.put(answersKey(id, run), toStream(answerBytes()).pipeThrough(new FixedLengthStream(assembly.total * ANSWER_BYTES)));
  } finally {
    await previous?.close();
  }
  if (rows !== assembly.total) throw new Error(`job ${id}: the upload has ${rows} rows now, ${assembly.total} when planned`);
  // Only the run before is ever compared with; older answers are personal data kept for nothing.
  if (run > 2) await env.JOBS_BUCKET.delete(answersKey(id, run - 2));
  await job.finished(run, { changedRows: previous ? changedRows : null });
}
