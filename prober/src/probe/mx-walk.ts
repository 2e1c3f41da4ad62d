import type { Reason } from "../../../shared/contract/taxonomy";
import { resultFromFailure, type RecipientResult } from "../smtp/recipient-result";
import { visitHost } from "./host-visit";
import { deadlinePassed, type ProberTools, type ProbeRun } from "./probe-context";
import type { WalkPlan } from "./walk-plan";

/** What the walk settled for one address: the result, the MX host that gave it, and when. */
export interface SettledAddress {
  readonly result: RecipientResult;
  /** The MX host whose reply decided, or the last one tried; null when none could be. */
  readonly host: string | null;
  readonly durationMs: number;
}

export interface WalkOutcome {
  /** Every address given, in order. */
  readonly settled: readonly SettledAddress[];
  readonly catchAll: boolean | null;
}

/**
 * Whether an address goes on to the next MX address after this result, rather than being
 * decided by it. It goes on when the host, not the mailbox, failed: no connection, no
 * greeting, a timeout of a step, a broken session, or a 421 (the host is closing). Any other
 * reply decides the address, whatever MX hosts are left: a definitive 5xx (a policy block, a
 * relay refusal) is that domain's answer, and asking its backup MX instead would only walk us
 * round a block the domain put up on purpose; a backup MX would also often accept a mailbox
 * only to bounce it later. The deadline stops the walk instead.
 *
 * @example
 * movesOn(resultFromFailure(address, new SmtpError("ECONNECTION", "refused", { command: "CONNECT", stage: "connect" }))); // true
 */
export function movesOn(result: RecipientResult): boolean {
  if (result.code === 421) return true;
  return result.code === null && result.error !== null && result.error !== "ETIMEDOUT_DEADLINE";
}

/** A result for an address no server was asked about. */
function resultWithoutReply(address: string, reason: Reason, text: string): RecipientResult {
  return { address, stage: null, code: null, enhanced: null, text, class: null, rule: null, reason, retryAfterSeconds: null, error: null, waitedMs: null };
}

/** Why no MX address could be tried: the lookups failed, or there was none egress allows. */
function unreachable(plan: WalkPlan, run: ProbeRun): (address: string) => RecipientResult {
  if (run.deadline.expired) return (address) => resultFromFailure(address, deadlinePassed());
  const { problems } = plan;
  const onlyDnsFailed = !problems.some((problem) => problem.kind === "refused") && problems.some((problem) => problem.kind === "dns_error");
  const text = problems.map((problem) => `${problem.host}: ${problem.detail}`).join("; ") || "no MX host to try";
  return (address) => resultWithoutReply(address, onlyDnsFailed ? "dns_error" : "no_connect", text);
}

/**
 * Walks the planned MX addresses in order with the addresses not yet decided: each visit
 * reuses its sessions for all of them, and only those whose result `movesOn` go on to the
 * next. A host whose provider is not to be probed decides `catch_all` without a word sent.
 * Whatever the deadline leaves unasked is `timeout`.
 *
 * @example
 * const { settled, catchAll } = await walkMx(tools, run, plan, ["alice@example.org"]);
 */
export async function walkMx(tools: ProberTools, run: ProbeRun, plan: WalkPlan, addresses: readonly string[]): Promise<WalkOutcome> {
  const settled = new Map<string, SettledAddress>();
  const settle = (result: RecipientResult, host: string | null) =>
    settled.set(result.address, { result, host, durationMs: Math.round(performance.now() - run.startedAt) });
  for (const problem of plan.problems) run.transcript.add("note", `${problem.host}: ${problem.detail}`);
  let pending = [...addresses];
  let catchAll: boolean | null = null;
  for (const [index, step] of plan.steps.entries()) {
    if (pending.length === 0) break;
    if (run.deadline.expired) {
      for (const address of pending) settle(resultFromFailure(address, deadlinePassed()), settled.get(address)?.host ?? step.host);
      break;
    }
    if (step.kind === "assume_catch_all") {
      for (const address of pending) settle(resultWithoutReply(address, "catch_all", `not probed: ${step.host} accepts every recipient`), step.host);
      catchAll = true;
      break;
    }
    const visit = await visitHost(tools, run, step, pending, index < plan.steps.length - 1);
    for (const result of visit.results) settle(result, step.host);
    catchAll ??= visit.catchAll;
    pending = visit.results.filter(movesOn).map((result) => result.address);
  }
  const unreached = unreachable(plan, run);
  const firstHost = plan.problems[0]?.host ?? null;
  for (const address of addresses) if (!settled.has(address)) settle(unreached(address), firstHost);
  return { settled: addresses.map((address) => settled.get(address)!), catchAll };
}
