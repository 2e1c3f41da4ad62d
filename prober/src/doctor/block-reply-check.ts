import type { DoctorCheck } from "../../../shared/contract/doctor";
import type { BlockReplies } from "./block-replies";
import { passed, problem } from "./check";

/**
 * The `block-replies` check: what the last hour's sessions heard. None passes; one provider
 * refusing is a warning (its own policy, or one list it uses); several unrelated providers
 * refusing means the IP's name is bad everywhere, a failure.
 *
 * @example
 * checkBlockReplies([]).status; // "pass"
 * checkBlockReplies([{ provider: "google.com", count: 3, domains: 2, sample: "421 4.7.0 …" }]).status; // "warn"
 */
export function checkBlockReplies(counts: readonly BlockReplies[]): DoctorCheck {
  if (counts.length === 0) return passed("block-replies", "No server refused this prober's sessions as a block in the last hour.");
  const total = counts.reduce((sum, entry) => sum + entry.count, 0);
  const worst = counts[0]!;
  const summary = `${total} block ${total === 1 ? "reply" : "replies"} in the last hour from ${counts.map((entry) => `${entry.provider} (${entry.count})`).join(", ")}; e.g. "${worst.sample ?? "no text"}".`;
  const fix =
    'Read the replies\' words: a block list named there is in the blocklists check; "PTR" or "reverse" is the ptr check; "reputation" means this IP needs time and clean traffic, or another IP.';
  return problem("block-replies", counts.length >= 2 ? "fail" : "warn", summary.slice(0, 500), fix, { providers: counts.length, replies: total });
}
