import type { REASONS_BY_VERDICT } from "../../../shared/contract/taxonomy";
import type { Answer } from "./lookup";

type FlagName = keyof Answer["flags"];

/**
 * What an address can be refused for: a reason of the undeliverable or risky verdict, or a flag.
 * Unknown's reasons are not here: not knowing never refuses an address.
 */
export type Refusal = (typeof REASONS_BY_VERDICT)["undeliverable" | "risky"][number] | FlagName;

/**
 * Why the page's block list refuses this answer, or undefined when it lets it through. A verdict
 * (`undeliverable`, `risky`) or a reason in the list refuses by its reason; a flag in the list
 * (`disposable`, `role`, `free`, `gibberish`, `catch_all`) refuses when it is set, whatever the
 * verdict, because flags are facts about the address itself, not guesses about the mailbox.
 * `unknown` and `deliverable` never refuse, even when listed.
 *
 * @example
 * refusal({ verdict: "risky", reason: "disposable", … }, new Set(["undeliverable", "disposable"])); // "disposable"
 * refusal({ verdict: "unknown", reason: "timeout", … }, new Set(["unknown"])); // undefined
 */
export function refusal(answer: Answer, block: Set<string>): Refusal | undefined {
  const judged = answer.verdict === "undeliverable" || answer.verdict === "risky";
  if (judged && (block.has(answer.verdict) || block.has(answer.reason))) return answer.reason as Refusal;
  return (Object.keys(answer.flags) as FlagName[]).find((flag) => answer.flags[flag] && block.has(flag));
}
