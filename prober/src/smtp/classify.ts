import type { Reason } from "../../../shared/contract/taxonomy";
import { CLASSIFICATION_TABLE } from "./classification-table";
import { findCodeInText } from "./enhanced-code";
import { reasonOf, type ReplyClass, type SmtpStage } from "./reply-class";
import type { ReplyRow } from "./reply-row";
import { statedRetryDelaySeconds } from "./retry-delay";

/** A reply as the classifier reads it: the stage, the basic code, and the text of all lines. */
export interface ReplyToClassify {
  readonly stage: SmtpStage;
  readonly code: number;
  /** The enhanced code found right after the basic code; codes inside the text are found here. */
  readonly enhanced?: string | null;
  /** The text of every line, joined with "\n", without the codes. */
  readonly text: string;
}

export interface ReplyClassification {
  readonly class: ReplyClass;
  readonly reason: Reason;
  /** The table row that decided. */
  readonly rule: string;
  /** The enhanced code the classifier used, given or found in the text. */
  readonly enhanced: string | null;
  /**
   * The delay the text states before a retry, or null when it states none. A greylisting
   * server that names no delay gets none: the caller chooses its own schedule (the bulk path
   * retries soon, then less often), rather than a guessed five minutes.
   */
  readonly retryAfterSeconds: number | null;
}

/**
 * An address the server quotes back (`<nobody@rbl-a.example>: Recipient address rejected: …`):
 * its words are the address's, not the server's, and must not match a row (a domain named
 * `rbl-…` or `spamhaus-fans.example` is no block list).
 */
const QUOTED_ADDRESS = /<[^<>\s@]*@[^<>\s]*>/g;

/** Texts longer than this are cut before matching: no real reply is longer, and it bounds the work. */
const MAX_TEXT_LENGTH = 4000;

/**
 * The text the rows match: lower case, accents removed (so "bloquée" reads "bloquee"), curly
 * apostrophes straightened and every run of white space (including line breaks) one space.
 *
 * @example
 * normaliseReplyText("Le compte est\n  BLOQUÉ"); // "le compte est bloque"
 */
export function normaliseReplyText(text: string): string {
  return (
    text
      .slice(0, MAX_TEXT_LENGTH)
      .normalize("NFD")
      // Only Latin accents: Cyrillic й and Japanese ご decompose too, and must stay as they are.
      .replace(/([a-z])[\u0300-\u036f]+/gi, "$1")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/\s+/g, " ")
      .trim()
  );
}

function codeMatches(allowed: ReplyRow["codes"], code: number): boolean {
  if (!allowed) return true;
  return allowed.some((entry) => (typeof entry === "number" ? entry === code : entry[0] === String(Math.trunc(code / 100))));
}

function rowMatches(row: ReplyRow, stage: SmtpStage, code: number, enhanced: string | null, text: string): boolean {
  return (
    (!row.stages || row.stages.includes(stage)) &&
    codeMatches(row.codes, code) &&
    (!row.enhanced || row.enhanced.test(enhanced ?? "")) &&
    (!row.text || row.text.test(text))
  );
}

/**
 * Classifies an SMTP reply by its stage, codes and full text, with the first matching row of
 * the classification table. Never throws.
 *
 * @example
 * classifyReply({ stage: "rcpt", code: 550, enhanced: "5.7.1", text: "No such user!" }).class;
 * // "mailbox_not_found"
 * classifyReply({ stage: "rcpt", code: 450, enhanced: "4.2.0", text: "Greylisted, see http://postgrey.schweikert.ch/help/example.org.html" });
 * // { class: "greylisted", reason: "greylisted", retryAfterSeconds: null, ... }
 */
export function classifyReply(reply: ReplyToClassify): ReplyClassification {
  const enhanced = reply.enhanced || findCodeInText(reply.text, reply.code);
  const text = normaliseReplyText(reply.text.replace(QUOTED_ADDRESS, "<address>"));
  // The last row has no conditions, so a row always matches.
  const row = CLASSIFICATION_TABLE.find((candidate) => rowMatches(candidate, reply.stage, reply.code, enhanced, text))!;
  return {
    class: row.class,
    reason: reasonOf(row.class),
    rule: row.name,
    enhanced,
    retryAfterSeconds: statedRetryDelaySeconds(text),
  };
}
