/** One line of an SMTP dialogue: who said it, and when, in ms since the session began. */
export interface TranscriptLine {
  readonly atMs: number;
  /** `client` and `server` lines are verbatim; `note` lines are the client's own remarks (TLS, connect). */
  readonly from: "client" | "server" | "note";
  readonly line: string;
}

/**
 * Enough for any honest session; a chatty server cannot make the transcript grow without end,
 * in lines or in characters (long lines would otherwise make 500 of them megabytes).
 */
export const MAX_TRANSCRIPT_LINES = 500;
export const MAX_TRANSCRIPT_CHARS = 64 * 1024;

const CUT_HERE = "transcript cut here";

/**
 * The record of a session, kept always and handed out only when the caller asks
 * (`transcript=1`). It holds the probed addresses, so it is returned, never logged. Past
 * either cap it records one last note saying it was cut, and nothing more.
 *
 * @example
 * const transcript = new Transcript();
 * transcript.add("client", "EHLO probe.example");
 * transcript.lines; // [{ atMs: 0, from: "client", line: "EHLO probe.example" }]
 */
export class Transcript {
  readonly #startedAt = performance.now();
  readonly #lines: TranscriptLine[] = [];
  #chars = 0;
  #cut = false;

  add(from: TranscriptLine["from"], line: string): void {
    if (this.#cut) return;
    const atMs = Math.round(performance.now() - this.#startedAt);
    this.#cut = this.#lines.length === MAX_TRANSCRIPT_LINES || this.#chars + line.length > MAX_TRANSCRIPT_CHARS;
    this.#lines.push(this.#cut ? { atMs, from: "note", line: CUT_HERE } : { atMs, from, line });
    this.#chars += this.#cut ? 0 : line.length;
  }

  get lines(): readonly TranscriptLine[] {
    return [...this.#lines];
  }
}
