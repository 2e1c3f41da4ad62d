import { ANSWER_BYTES, type DataRow, decodeAnswer, type RowAnswer, streamChunks } from "../../../../shared/bulk";

/**
 * Reads a run's answers file (ANSWER_BYTES per row, in row order) front to back as it streams
 * from R2, so results of millions of rows are joined to their upload without holding either.
 *
 * @example
 * const reader = await AnswersReader.open(env.JOBS_BUCKET, answersKey(id, run));
 * const answer = await reader?.next();
 */
export class AnswersReader {
  #buffered: Uint8Array = new Uint8Array(0);
  #offset = 0;
  readonly #chunks: AsyncGenerator<Uint8Array>;

  private constructor(chunks: AsyncGenerator<Uint8Array>) {
    this.#chunks = chunks;
  }

  /** The reader of the file at `key`, or null when there is none. */
  static async open(bucket: R2Bucket, key: string): Promise<AnswersReader | null> {
    const object = await bucket.get(key);
    return object ? new AnswersReader(streamChunks(object.body)) : null;
  }

  /** The next row's answer as its two codes; throws when the file ends before the rows do. */
  async nextCodes(): Promise<[number, number]> {
    while (this.#buffered.length - this.#offset < ANSWER_BYTES) {
      const next = await this.#chunks.next();
      if (next.done) throw new Error("the answers file ended before the rows did");
      this.#buffered = concat(this.#buffered.subarray(this.#offset), next.value);
      this.#offset = 0;
    }
    const codes: [number, number] = [this.#buffered[this.#offset]!, this.#buffered[this.#offset + 1]!];
    this.#offset += ANSWER_BYTES;
    return codes;
  }

  /** The next row's answer; throws when a row has none (a run's file answers every row). */
  async next(): Promise<RowAnswer> {
    const answer = decodeAnswer(...(await this.nextCodes()));
    if (!answer) throw new Error("a row of the answers file has no answer");
    return answer;
  }

  /** Stops reading (the rest of the file is not fetched). */
  async close(): Promise<void> {
    await this.#chunks.return(undefined);
  }
}

function concat(rest: Uint8Array, next: Uint8Array): Uint8Array {
  const joined = new Uint8Array(rest.length + next.length);
  joined.set(rest);
  joined.set(next, rest.length);
  return joined;
}

/**
 * The rows of an upload with their answers from a run's answers file, in input order.
 *
 * @example
 * for await (const row of answeredRows(table.rows, reader)) console.log(row.verdict);
 */
export async function* answeredRows(rows: AsyncIterable<DataRow>, answers: AnswersReader): AsyncGenerator<DataRow & RowAnswer> {
  try {
    for await (const row of rows) yield { ...row, ...(await answers.next()) };
  } finally {
    await answers.close();
  }
}
