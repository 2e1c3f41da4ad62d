import { splitLeadingCode } from "./enhanced-code";

/** One SMTP reply: a basic code and the text of its lines, the codes removed from each. */
export interface SmtpReply {
  readonly code: number;
  /** The RFC 3463 code after the basic code on the first line, or null. */
  readonly enhanced: string | null;
  readonly lines: readonly string[];
  /** The lines joined with "\n": what the classifier reads. */
  readonly text: string;
}

/** RFC 5321 allows 512 octets per reply line; real servers exceed it, so cap generously and cut the rest. */
export const MAX_LINE_BYTES = 4096;
/**
 * A reply with more lines than this, or more bytes (lines cut as above), ends the session as a
 * protocol error: honest replies have a few lines (a long EHLO list has about 20), and what one
 * session holds must not grow with what a server sends.
 */
export const MAX_LINES_PER_REPLY = 100;
export const MAX_REPLY_BYTES = 16 * 1024;

/** Why the reader stopped for good. */
export type ReaderFailure =
  /** A line that is not an SMTP reply line. */
  | { kind: "invalid_line"; line: string }
  /** A reply past MAX_LINES_PER_REPLY or MAX_REPLY_BYTES; `start` is its first line. */
  | { kind: "reply_too_large"; start: string };

const REPLY_LINE = /^(\d{3})(?:([ -])(.*))?$/s;
const LF = 0x0a;

/**
 * Turns the bytes a server sends into replies: multi-line replies (`250-` continuations, a
 * final `250 `), CRLF or bare LF line ends, overlong lines cut, bytes decoded as UTF-8 with
 * replacement characters. A line that is not a reply line, or a reply past the size caps, stops
 * the reader for good (see `failure`); replies it completed before stand.
 *
 * @example
 * const reader = new ReplyReader();
 * reader.push(Buffer.from("250-mx.example\r\n250 PIPELINING\r\n"));
 * // [{ code: 250, enhanced: null, lines: ["mx.example", "PIPELINING"], ... }]
 */
export class ReplyReader {
  #buffered: Buffer[] = [];
  #bufferedBytes = 0;
  #discardingOverlong = false;
  #lines: { code: number; text: string }[] = [];
  #replyBytes = 0;
  #failure: ReaderFailure | null = null;
  readonly #onLine: (line: string) => void;

  /** @param onLine sees every line as received (decoded, without its line end), for transcripts. */
  constructor(onLine: (line: string) => void = () => {}) {
    this.#onLine = onLine;
  }

  /** Why the reader stopped, once it did. */
  get failure(): ReaderFailure | null {
    return this.#failure;
  }

  /** The text of a reply begun but not finished (with a last line cut short), for an error when the server hangs up. */
  get unfinished(): string {
    const lines = this.#lines.map((line) => line.text);
    const cutShort = Buffer.concat(this.#buffered).toString("utf8");
    if (cutShort !== "") lines.push(REPLY_LINE.exec(cutShort)?.[3] ?? cutShort);
    return lines.join("\n");
  }

  /** Feeds received bytes; returns the replies they complete, in order. */
  push(chunk: Uint8Array): SmtpReply[] {
    const replies: SmtpReply[] = [];
    let start = 0;
    while (this.#failure === null && start < chunk.length) {
      const end = chunk.indexOf(LF, start);
      const piece = Buffer.from(chunk.subarray(start, end === -1 ? chunk.length : end));
      this.#keep(piece);
      if (end === -1) break;
      start = end + 1;
      const reply = this.#endLine();
      if (reply) replies.push(reply);
    }
    return replies;
  }

  #keep(piece: Buffer): void {
    if (this.#discardingOverlong) return;
    const room = MAX_LINE_BYTES - this.#bufferedBytes;
    this.#buffered.push(piece.subarray(0, room));
    this.#bufferedBytes += Math.min(piece.length, room);
    if (piece.length > room) this.#discardingOverlong = true;
  }

  #endLine(): SmtpReply | null {
    const line = Buffer.concat(this.#buffered).toString("utf8").replace(/\r$/, "");
    const lineBytes = this.#bufferedBytes;
    this.#buffered = [];
    this.#bufferedBytes = 0;
    this.#discardingOverlong = false;
    this.#onLine(line);
    const match = REPLY_LINE.exec(line);
    if (!match) {
      this.#failure = { kind: "invalid_line", line };
      return null;
    }
    this.#replyBytes += lineBytes;
    if (this.#lines.length === MAX_LINES_PER_REPLY || this.#replyBytes > MAX_REPLY_BYTES) {
      this.#failure = { kind: "reply_too_large", start: this.#lines[0]?.text ?? line };
      this.#lines = [];
      return null;
    }
    const code = Number(match[1]);
    this.#lines.push({ code, text: match[3] ?? "" });
    if (match[2] === "-") return null;
    return this.#finishReply(code);
  }

  #finishReply(code: number): SmtpReply {
    const first = splitLeadingCode(this.#lines[0]!.text, code);
    const lines = this.#lines.map((line) => splitLeadingCode(line.text, code).text);
    this.#lines = [];
    this.#replyBytes = 0;
    return { code, enhanced: first.enhanced, lines, text: lines.join("\n") };
  }
}
