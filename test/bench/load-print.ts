import type { LoadResult } from "./load";
import type { FixedRateResult, LoadOutcome } from "./load-rate";

/**
 * Prints a load result as a markdown table: each load alone and under attack, side by side.
 *
 * @example
 * printLoad(await benchLoad());
 */
export function printLoad({ seconds, scenarios, runSeconds }: LoadResult): void {
  const count = (value: number) => value.toLocaleString("en-US");
  console.log(`\n## Load: a well-behaved caller at a fixed rate for ${seconds} s, alone and while another caller keeps 40 tarpit checks in flight\n`);
  console.log("| load | machine | requests | p50 ms | p99 ms | max ms | 5xx | 4xx | no answer | wrong answer | not sent (behind) | p99 × quiet |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, rate, quiet, attacked } of scenarios) {
    const line = (machine: string, r: FixedRateResult, ratio: string) => {
      const cells = [
        `${name} at ${rate}/s`,
        machine,
        count(r.scheduled),
        r.p50Ms.toFixed(1),
        r.p99Ms.toFixed(1),
        r.maxMs.toFixed(0),
        r.outcomes["5xx"],
        r.outcomes["4xx"],
        r.outcomes.failed,
        r.outcomes.wrong,
        r.skipped,
        ratio,
      ];
      console.log(`| ${cells.join(" | ")} |`);
    };
    line("quiet", quiet, "1.00");
    line("attacked", attacked, (attacked.p99Ms / quiet.p99Ms).toFixed(2));
  }
  console.log("");
  for (const { name, quiet, attacked } of scenarios) {
    for (const [machine, r] of [
      ["quiet", quiet],
      ["attacked", attacked],
    ] as const) {
      const answers = Object.entries(r.unexpected)
        .sort(([, a], [, b]) => b - a)
        .map(([answer, n]) => `${count(n)} ${answer}`);
      if (answers.length > 0) console.log(`- ${name}, ${machine}: unexpected answers ${answers.join(", ")}.`);
    }
  }
  for (const { name, attacker } of scenarios) console.log(`- Attacker during ${name}: ${tally(attacker)}.`);
  console.log(
    `\nTarget: zero 5xx for the well-behaved caller, and its p99 under attack within 2× the quiet figure. Bench run time ${runSeconds.toFixed(1)} s.`,
  );
}

function tally(outcomes: Record<LoadOutcome, number>): string {
  const answered = outcomes.ok + outcomes.wrong;
  return `${answered} answered (HTTP 200), ${outcomes["4xx"]} refused (4xx), ${outcomes["5xx"]} 5xx, ${outcomes.failed} without an answer`;
}
