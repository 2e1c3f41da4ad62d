import { resultFromFailure, type RecipientResult } from "../smtp/recipient-result";
import { catchAllFrom, randomLocalPart } from "./catch-all";
import { beforeDeadline, pause } from "./deadline";
import { HostSessions } from "./host-sessions";
import { MAX_RECIPIENTS_PER_TRANSACTION } from "./politeness";
import { deadlinePassed, type ProberTools, type ProbeRun } from "./probe-context";
import type { WalkStep } from "./walk-plan";

export interface HostVisit {
  /** One result per address, in the order given. */
  readonly results: readonly RecipientResult[];
  /** Whether the host accepts any local part of the domain; null when not learned. */
  readonly catchAll: boolean | null;
}

type Results = Map<string, RecipientResult>;

/**
 * Asks one MX address about the addresses: in as few sessions as the provider's rule allows
 * (one RCPT per session at Microsoft), in transactions no larger than the domain's rate grants,
 * then each address refused as one recipient too many again in a session of its own, then,
 * when an address was accepted, whether the host accepts anything (once per TTL per domain).
 *
 * @example
 * const visit = await visitHost(tools, run, { kind: "connect", host, ip, rule }, ["alice@example.org"], false);
 * visit.results[0].reason; // "accepted"
 */
export async function visitHost(tools: ProberTools, run: ProbeRun, step: Extract<WalkStep, { kind: "connect" }>, addresses: readonly string[], moreStepsAfter: boolean): Promise<HostVisit> {
  const sessions = new HostSessions(tools, run, step, moreStepsAfter);
  const results: Results = new Map();
  try {
    await probeInTurn(tools, run, sessions, addresses, results);
    for (const address of addresses.filter((candidate) => results.get(candidate)!.retryAlone)) {
      await probeInTurn(tools, run, sessions, [address], results, { fresh: true });
    }
    const catchAll = await learnCatchAll(tools, run, sessions, step.host, addresses.map((address) => results.get(address)!));
    return { results: addresses.map((address) => results.get(address)!), catchAll };
  } finally {
    sessions.close();
  }
}

/** Probes the addresses transaction by transaction, each as large as the session's room and the rate allow. */
async function probeInTurn(tools: ProberTools, run: ProbeRun, sessions: HostSessions, addresses: readonly string[], results: Results, { fresh = false } = {}): Promise<void> {
  const queue = [...addresses];
  const judgeRest = (judge: (address: string) => RecipientResult) => queue.splice(0).forEach((address) => results.set(address, judge(address)));
  while (queue.length > 0) {
    const failure = await sessions.ensure(fresh);
    fresh = false;
    if (failure) return judgeRest((address) => resultFromFailure(address, failure));
    const wanted = Math.min(queue.length, sessions.room, MAX_RECIPIENTS_PER_TRANSACTION);
    const { granted, waitMs } = tools.rate.reserve(run.domain, wanted, run.deadline.remainingMs());
    if (granted === 0 || !(await pause(waitMs, run.deadline.signal))) return judgeRest((address) => resultFromFailure(address, deadlinePassed()));
    const batch = queue.splice(0, granted);
    const batchResults = await sessions.probe(batch);
    for (const result of batchResults) results.set(result.address, result);
    // A session that broke (421, disconnect, timeout: the client closes it) breaks for the rest
    // too: they go on to the next MX address with the same cause, rather than reconnecting here
    // again and again.
    const last = batchResults.at(-1)!;
    if (last.error !== null || last.code === 421) return judgeRest((address) => ({ ...last, address }));
  }
}

/**
 * Catch-all, learned as cheaply as possible: a real address refused as unknown says "no" for
 * free; with nothing accepted the question does not matter; otherwise an RCPT for an address
 * nobody has, in the open session when it has room, unless the answer is remembered.
 */
async function learnCatchAll(tools: ProberTools, run: ProbeRun, sessions: HostSessions, host: string, answers: readonly RecipientResult[]): Promise<boolean | null> {
  if (answers.some((result) => result.reason === "mailbox_not_found")) {
    tools.catchAll.remember(run.domain, host, false);
    return false;
  }
  if (!answers.some((result) => result.reason === "accepted")) return null;
  const askNobody = async () => {
    const nobody = `${randomLocalPart()}@${run.domain}`;
    const results: Results = new Map();
    await probeInTurn(tools, run, sessions, [nobody], results);
    return catchAllFrom(results.get(nobody)!);
  };
  return (await beforeDeadline(tools.catchAll.answer(run.domain, host, askNobody), run.deadline.signal)) ?? null;
}
