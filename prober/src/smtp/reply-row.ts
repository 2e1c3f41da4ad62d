import type { ReplyClass, SmtpStage } from "./reply-class";

/** A real reply a row decides; every row carries one and is tested with it. */
export interface ReplyExample {
  readonly stage: SmtpStage;
  readonly code: number;
  readonly enhanced?: string;
  readonly text: string;
}

/**
 * One row of the classification table: conditions over the reply, and the class it gives
 * when they all hold. Rows are tried in order and the first that matches decides.
 */
export interface ReplyRow {
  /** Names the row in tests and in a classification's `rule`. */
  readonly name: string;
  readonly class: ReplyClass;
  /** Matched against the normalised text of all lines (see `normaliseReplyText`). */
  readonly text?: RegExp;
  readonly stages?: readonly SmtpStage[];
  /** Basic codes, or a whole class of them ("4xx"). */
  readonly codes?: readonly (number | "2xx" | "4xx" | "5xx")[];
  /** Matched against the enhanced code, given or found in the text; "" when there is none. */
  readonly enhanced?: RegExp;
  readonly example: ReplyExample;
}

/**
 * One pattern that matches when any of the given ones does, so a long list of wordings can be
 * written one per line.
 *
 * @example
 * anyOf(/user unknown/, /no such user/).test("no such user"); // true
 */
export function anyOf(...alternatives: RegExp[]): RegExp {
  return new RegExp(alternatives.map((pattern) => `(?:${pattern.source})`).join("|"));
}

/** Enhanced codes outside the X.7 (security or policy) subject, and no code at all. */
export const NOT_POLICY_CODE = /^(?!\d\.7\.)/;
