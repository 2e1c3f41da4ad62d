import type { Reason, Verdict } from "../contract/taxonomy";

/** The flags of a result, as the contract's Flags object names them. */
export interface ResultFlags {
  disposable: boolean;
  role: boolean;
  free: boolean;
  catch_all: boolean;
  gibberish: boolean;
}

/** One input row with its answer, as the result writers take it. */
export interface ResultRow {
  /** 0-based among the data rows (DataRow.row). */
  row: number;
  cells: string[];
  email: string;
  verdict: Verdict;
  reason: Reason;
  flags: ResultFlags;
  /** The corrected address when the domain looks like a typo, as /v1/verify gives it; else null. */
  suggestion: string | null;
}

export const FLAG_NAMES = ["disposable", "role", "free", "catch_all", "gibberish"] as const satisfies readonly (keyof ResultFlags)[];

/**
 * The header of a results table: the input's columns, then verdict, reason, the flags and the
 * suggestion (last, so the columns before it keep their places).
 *
 * @example
 * resultHeader(["name", "email"]); // ["name", "email", "verdict", "reason", "disposable", "role", "free", "catch_all", "gibberish", "suggestion"]
 */
export function resultHeader(columns: string[]): string[] {
  return [...columns, "verdict", "reason", ...FLAG_NAMES, "suggestion"];
}

/**
 * One row of a results table, in the order of resultHeader: the input's cells padded to the
 * header's width so the answer columns line up, the answer, and then any cells the row had
 * beyond the header, so nothing is lost.
 *
 * @example
 * resultCells(2, { row: 0, cells: ["Ann"], email: "", verdict: "undeliverable", reason: "invalid_syntax", flags, suggestion: null })
 * // ["Ann", "", "undeliverable", "invalid_syntax", false, false, false, false, false, ""]
 */
export function resultCells(width: number, result: ResultRow): (string | boolean)[] {
  const original = Array.from({ length: width }, (_, i) => result.cells[i] ?? "");
  const answer = [result.verdict, result.reason, ...FLAG_NAMES.map((name) => result.flags[name]), result.suggestion ?? ""];
  return [...original, ...answer, ...result.cells.slice(width)];
}
