import { REASONS, type Reason, type Verdict, verdictOf } from "../contract/taxonomy";
import { FLAG_NAMES, type ResultFlags } from "./result-row";

/** A bulk row's answer: what a results table shows for it besides the row itself. */
export interface RowAnswer {
  verdict: Verdict;
  reason: Reason;
  flags: ResultFlags;
}

/**
 * Reasons by their stored number: the taxonomy's order as answers files were first written, then
 * the reasons added since, appended, so a file written before a reason was added reads the same.
 */
const ADDED_LATER: readonly Reason[] = ["bounced", "complained"];
const STORED_ORDER: readonly Reason[] = [...REASONS.filter((reason) => !ADDED_LATER.includes(reason)), ...ADDED_LATER];

/** Bytes per row in an answers file: the reason's number (0 = no answer) and the flags' bits. */
export const ANSWER_BYTES = 2;

/**
 * An answer as two small numbers, for a job's store and its answers file in R2: one byte for
 * the reason (its place in STORED_ORDER, plus one so that 0 means "none"), one for the flags (a bit
 * each, in FLAG_NAMES order). The verdict is not stored: the reason decides it.
 *
 * @example
 * encodeAnswer({ verdict: "deliverable", reason: "accepted", flags }); // [1, 0]
 */
export function encodeAnswer(answer: Pick<RowAnswer, "reason" | "flags">): [number, number] {
  const reason = STORED_ORDER.indexOf(answer.reason);
  if (reason < 0) throw new Error(`unknown reason ${answer.reason}`);
  const flags = FLAG_NAMES.reduce((bits, name, bit) => (answer.flags[name] ? bits | (1 << bit) : bits), 0);
  return [reason + 1, flags];
}

/**
 * The answer two numbers stand for, or null for 0 (no answer) or a reason number this version
 * does not know.
 *
 * @example
 * decodeAnswer(1, 0); // { verdict: "deliverable", reason: "accepted", flags: { disposable: false, … } }
 */
export function decodeAnswer(reasonCode: number, flagBits: number): RowAnswer | null {
  const reason = STORED_ORDER[reasonCode - 1];
  if (reasonCode === 0 || reason === undefined) return null;
  const flags = Object.fromEntries(FLAG_NAMES.map((name, bit) => [name, (flagBits & (1 << bit)) !== 0])) as unknown as ResultFlags;
  return { verdict: verdictOf(reason), reason, flags };
}
