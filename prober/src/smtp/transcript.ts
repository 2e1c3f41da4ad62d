/** One line of an SMTP dialogue: who said it, and when, in ms since the session began. */
export interface TranscriptLine {
  readonly atMs: number;
  /** `client` and `server` lines are verbatim; `note` lines are the client's own remarks (TLS, connect). */
  readonly from: "client" | "server" | "note";
  readonly line: string;
}

/** Enough for any honest session; a chatty server cannot make the transcript grow without end. */
export const MAX_TRANSCRIPT_LINES = 500;

/**
 * The record of a session, kept always and handed out only when the caller asks
 * (`transcript=1`). It holds the probed addresses, so it is returned, never logged.
 *
 * @example
 * const transcript = new Transcript();
 * transcript.add("client", "EHLO probe.example");
 * transcript.lines; // [{ atMs: 0, from: "client", line: "EHLO probe.example" }]
 */
export class Transcript {
  readonly #startedAt = performance.now();
  readonly #lines: TranscriptLine[] = [];

  add(from: TranscriptLine["from"], line: string): void {
    if (this.#lines.length > MAX_TRANSCRIPT_LINES) return;
    const atMs = Math.round(performance.now() - this.#startedAt);
    this.#lines.push(this.#lines.length === MAX_TRANSCRIPT_LINES ? { atMs, from: "note", line: "transcript cut here" } : { atMs, from, line });
  }

  get lines(): readonly TranscriptLine[] {
    return [...this.#lines];
  }
}
