import type { BounceKind, BounceReason } from "./bounce";
import { type BounceInput, type BouncePermanence, type BounceRow, normaliseBounceText } from "./bounce-row";
import { BOUNCE_TABLE } from "./classification-table";
import { findReplyCode, findStatus } from "./status";

export type { BounceInput, ProviderHint } from "./bounce-row";

/** The verdict on one bounced recipient, with the table row that gave it. */
export interface BounceClassification {
  kind: BounceKind;
  reason: BounceReason;
  /** The row's name, for tests and for explaining a verdict. */
  rule: string;
  /** The enhanced status code, given or found in the text, else implied by the reply code or the action (550 → 5.0.0); null when there is none. */
  status: string | null;
}

/** What a bounce says of a recipient comes early; the rows need no more of a longer text. */
const MAX_TEXT = 8 * 1024;

const TEMPORARY_HINT = /^(?:transient|temporary|softbounce)$/i;

/**
 * The given status, unless it is a bare `X.0.0` and the text gives a finer code of the same
 * class (a DSN with `Status: 5.0.0` and `Diagnostic-Code: 550 5.1.1 ...`).
 */
function chooseStatus(given: string | null, inText: string | null): string {
  if (given && inText && given.endsWith(".0.0") && inText[0] === given[0]) return inText;
  return given ?? inText ?? "";
}

/**
 * The class of a bounce that gives no enhanced code, from its reply code (550 → 5.0.0) or else
 * its action (delayed → 4.0.0, failed → 5.0.0).
 */
function impliedStatus(code: number | null, permanence: BouncePermanence, action: string | null | undefined): string | null {
  if (code !== null && code >= 400 && code < 600) return `${Math.trunc(code / 100)}.0.0`;
  if (!action) return null;
  return permanence === "temporary" ? "4.0.0" : /failed/i.test(action) ? "5.0.0" : null;
}

function permanenceOf(input: BounceInput, status: string, code: number | null): BouncePermanence {
  if (status.startsWith("4.") || (code !== null && code >= 400 && code < 500)) return "temporary";
  if (input.action && /delayed|delivery-?delayed/i.test(input.action)) return "temporary";
  if (input.hint?.type && TEMPORARY_HINT.test(input.hint.type)) return "temporary";
  return "permanent";
}

function matches(row: BounceRow, input: BounceInput, status: string, text: string, permanence: BouncePermanence): boolean {
  if (row.permanence && row.permanence !== permanence) return false;
  if (row.status && !row.status.test(status)) return false;
  if (row.text && !row.text.test(text)) return false;
  if (row.hint) {
    const hint = input.hint;
    if (!hint || hint.provider !== row.hint.provider) return false;
    if (row.hint.type && !row.hint.type.test(hint.type ?? "")) return false;
    if (row.hint.subType && !row.hint.subType.test(hint.subType ?? "")) return false;
  }
  return true;
}

/**
 * Classifies one bounced recipient by the first row of `BOUNCE_TABLE` that matches. Hard only
 * when the bounce is permanent and says the address will not work; every 4.x.x, delay and
 * unexplained 5xx is soft.
 *
 * @example
 * classifyBounce({ status: "5.1.1", text: "550 5.1.1 User unknown" });
 * // { kind: "hard", reason: "user_unknown", rule: "user-unknown", status: "5.1.1" }
 * classifyBounce({ text: "452 4.2.2 Mailbox full" }).kind; // "soft"
 */
export function classifyBounce(input: BounceInput): BounceClassification {
  const rawText = (input.text ?? "").slice(0, MAX_TEXT);
  const status = chooseStatus(findStatus(input.status), findStatus(rawText));
  const code = input.code ?? findReplyCode(rawText);
  const text = normaliseBounceText(rawText);
  const permanence = permanenceOf(input, status, code);
  const row = BOUNCE_TABLE.find((candidate) => matches(candidate, input, status, text, permanence)) ?? BOUNCE_TABLE.at(-1)!;
  return { kind: row.kind, reason: row.reason, rule: row.name, status: status || impliedStatus(code, permanence, input.action) };
}
