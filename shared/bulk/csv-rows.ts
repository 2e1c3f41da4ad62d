import Papa from "papaparse";
import { MAX_ROW_CELLS, MAX_ROW_CHARS, rowTooLarge, withinRowLimits } from "./row-limits";

/** One record of an upload: its cells and its 0-based position among the file's records. */
export interface InputRow {
  index: number;
  cells: string[];
}

/** The delimiters people's CSV uses: comma, semicolon (European Excel), tab ("text" export), pipe. */
const DELIMITERS = [",", ";", "\t", "|"];

/** papaparse decides the delimiter and line break from this much text. */
const GUESS_CHARS = 16 * 1024;

/** Text is parsed in pieces of at most this much, however large the chunks that come. */
const PIECE_CHARS = 64 * 1024;

/**
 * A record whose text runs past this (MAX_ROW_CHARS) is taken to start with a quote that never
 * closes (a stray `"` would otherwise swallow the rest of a 1 GB file into one field, re-parsed
 * chunk after chunk), so it ends at its line; a line longer than this is refused.
 */
const MAX_RECORD_CHARS = MAX_ROW_CHARS;

/**
 * Parses CSV text chunks into records, one at a time, with papaparse: any of the four delimiters
 * (guessed from the first 16 KiB), RFC 4180 quoting, CRLF, LF or CR line ends, quoted fields with
 * line breaks in them even across chunks. Records keep their own length (no padding); records
 * with nothing in them (blank lines) are skipped and not counted. Malformed quoting never throws:
 * papaparse keeps what it read, a quote left open for over 1 MiB ends at its line, and the e-mail
 * cell is judged later. A record of more than 16,384 cells or 1 MiB of text is refused
 * (`row_too_large`, see withinRowLimits): what is held never grows with the file, whatever its
 * lines or chunks.
 *
 * @example
 * for await (const { index, cells } of csvRows(decodeText(chunks))) console.log(index, cells.length);
 */
export async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<InputRow> {
  let dialect: Dialect | undefined;
  let pending = "";
  let index = 0;
  const width = new RecordWidth();
  const drain = function* (final: boolean): Generator<InputRow> {
    dialect ??= guessDialect(pending);
    for (;;) {
      // Before papaparse splits a record into fields, and again for each piece it grows by.
      width.check(pending, dialect, index);
      // Unless final, papaparse leaves the last record, which may go on in the next chunk; its cursor says where that starts.
      const result = dialect.parser.parse(pending, 0, !final) as Papa.ParseResult<string[]>;
      if (result.meta.cursor > 0) width.reset();
      pending = pending.slice(result.meta.cursor);
      // Limits first: a "blank" line of a million delimiters is not skipped but refused.
      for (const cells of result.data) if (withinRowLimits(index, cells).some((cell) => cell !== "")) yield { index: index++, cells };
      if (pending.length <= MAX_RECORD_CHARS) return;
      const lineEnd = pending.indexOf(dialect.newline);
      const line = lineEnd < 0 ? pending : pending.slice(0, lineEnd);
      pending = lineEnd < 0 ? "" : pending.slice(lineEnd + dialect.newline.length);
      width.reset();
      yield { index, cells: withinRowLimits(index, line.split(dialect.delimiter, MAX_ROW_CELLS + 1)) };
      index++;
    }
  };
  for await (const chunk of text) {
    for (let at = 0; at < chunk.length; at += PIECE_CHARS) {
      pending += chunk.slice(at, at + PIECE_CHARS);
      if (dialect || pending.length >= GUESS_CHARS) yield* drain(false);
    }
  }
  if (pending) yield* drain(true);
}

/**
 * Counts the unquoted delimiters of the record a text starts with, resuming where the last check
 * stopped, so a record too wide (one "line" of a million commas) is refused after 16,384 of them,
 * before papaparse makes a field of each, again on every piece it grows by.
 */
class RecordWidth {
  #scanned = 0;
  #quoted = false;
  #delimiters = 0;

  /** Throws rowTooLarge once the first record of `text` has more than MAX_ROW_CELLS cells. */
  check(text: string, dialect: Dialect, index: number): void {
    for (; this.#scanned < text.length; this.#scanned++) {
      const char = text[this.#scanned];
      if (char === '"') this.#quoted = !this.#quoted;
      else if (this.#quoted) continue;
      else if (char === dialect.delimiter) {
        if (++this.#delimiters >= MAX_ROW_CELLS) throw rowTooLarge(index, `it has more than ${MAX_ROW_CELLS.toLocaleString("en")} cells`);
      } else if (char === dialect.newline[0]) {
        // The record ends here: papaparse takes it, and the count starts again after it.
        this.#scanned = Number.POSITIVE_INFINITY;
      }
    }
  }

  /** The text now starts with a new record. */
  reset(): void {
    this.#scanned = 0;
    this.#quoted = false;
    this.#delimiters = 0;
  }
}

interface Dialect {
  delimiter: string;
  newline: "\n" | "\r" | "\r\n";
  parser: Papa.Parser;
}

/**
 * The delimiter found outside quotes in the most sample records, and among those the one whose
 * count per record is the most even (the most records with the commonest count); on a tie the
 * earlier in DELIMITERS. Only unquoted occurrences count: a writer quotes every field holding a
 * delimiter, so a tab or pipe inside quoted text says nothing about the file's delimiter.
 * papaparse's own guess refuses files with a few short rows.
 */
function guessDialect(sample: string): Dialect {
  const head = sample.slice(0, GUESS_CHARS);
  const newline = Papa.parse<string[]>(head, { preview: 1 }).meta.linebreak as Dialect["newline"];
  let best = { delimiter: DELIMITERS[0] ?? ",", split: 0, even: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = unquotedCountsPerRecord(head, delimiter, newline).filter((count) => count > 0);
    const candidate = { delimiter, split: counts.length, even: modeFrequency(counts) };
    if (candidate.split > best.split || (candidate.split === best.split && candidate.even > best.even)) best = candidate;
  }
  return { delimiter: best.delimiter, newline, parser: new Papa.Parser({ delimiter: best.delimiter, newline }) };
}

/** How often `delimiter` stands outside double quotes in each record of `text`. */
function unquotedCountsPerRecord(text: string, delimiter: string, newline: string): number[] {
  const counts: number[] = [];
  let count = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    // A doubled quote inside a quoted field toggles twice: the state comes out the same.
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === delimiter) count++;
    else if (text.startsWith(newline, i)) {
      counts.push(count);
      count = 0;
      i += newline.length - 1;
    }
  }
  counts.push(count);
  return counts;
}

function modeFrequency(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
