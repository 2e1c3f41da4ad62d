import { isOwnAnswer, resultFromFailure, type RecipientResult } from "../smtp/recipient-result";
import { catchAllFrom, randomLocalPart } from "./catch-all";
import { beforeDeadline, pause } from "./deadline";
import { HostSessions, type OpenFailure } from "./host-sessions";
import { serverPace } from "./politeness";
import { deadlinePassed, type ProberTools, type ProbeRun } from "./probe-context";
import type { WalkStep } from "./walk-plan";

export interface HostVisit {
  /** One result per address, in the order given. */
  readonly results: readonly RecipientResult[];
  /** Whether the host accepts any local part of the domain; null when not learned. */
  readonly catchAll: boolean | null;
}

type ConnectStep = Extract<WalkStep, { kind: "connect" }>;
type Results = Map<string, RecipientResult>;

/** Sessions an address may be asked in at one host before its last result stands. */
const SESSIONS_PER_ADDRESS = 3;
/** Addresses one lane is worth; more open a second session at once, if the server's limit has room. */
const ADDRESSES_PER_LANE = 25;
/** A pause before asking again a server that refused a session for too many connections, doubled each time. */
const REFUSED_SESSION_PAUSE_MS = 500;

interface Asking {
  readonly address: string;
  /** Sessions it was sent in and not answered. */
  readonly tries: number;
}

/**
 * Asks one MX address about the addresses: over lanes of sessions (one, or more when there are
 * many addresses or the server tarpits, as far as its session limit allows), each session kept
 * within what the server tolerates, in transactions no larger than the server's RCPT rate
 * grants. Every reply the server gave stands, whatever happens to its session afterwards; an
 * address whose session broke before its own answer (a 421, a disconnect, one recipient too
 * many) is asked again in a new session, up to SESSIONS_PER_ADDRESS sessions. Then, when an
 * address was accepted, whether the host accepts anything (once per TTL per domain).
 *
 * @example
 * const visit = await visitHost(tools, run, { kind: "connect", host, ip, rule }, ["alice@example.org"], false);
 * visit.results[0].reason; // "accepted"
 */
export async function visitHost(
  tools: ProberTools,
  run: ProbeRun,
  step: ConnectStep,
  addresses: readonly string[],
  moreStepsAfter: boolean,
): Promise<HostVisit> {
  const visit = new Visit(tools, run, step, moreStepsAfter, addresses);
  try {
    await visit.askAll();
    const catchAll = await learnCatchAll(
      tools,
      run,
      visit,
      step.host,
      addresses.map((address) => visit.results.get(address)!),
    );
    return { results: addresses.map((address) => visit.results.get(address)!), catchAll };
  } finally {
    visit.close();
  }
}

/** The state of one visit: the addresses still to ask, the answers so far, and the lanes asking. */
class Visit {
  readonly results: Results = new Map();
  readonly #queue: Asking[];
  readonly #lanes: HostSessions[] = [];
  /** Lanes in their asking loop now. */
  readonly #working = new Set<HostSessions>();
  readonly #running: Promise<void>[] = [];
  readonly #tools: ProberTools;
  readonly #run: ProbeRun;
  readonly #step: ConnectStep;
  readonly #moreStepsAfter: boolean;

  constructor(tools: ProberTools, run: ProbeRun, step: ConnectStep, moreStepsAfter: boolean, addresses: readonly string[]) {
    this.#tools = tools;
    this.#run = run;
    this.#step = step;
    this.#moreStepsAfter = moreStepsAfter;
    this.#queue = addresses.map((address) => ({ address, tries: 0 }));
  }

  /** Asks until every address has a result, in one lane and in more as they are worth it. */
  async askAll(addresses?: readonly string[]): Promise<void> {
    if (addresses) this.#queue.push(...addresses.map((address) => ({ address, tries: 0 })));
    const first = this.#lanes[0] ?? this.#newLane();
    this.#running.push(this.#work(first, true));
    while (this.#running.length > 0) await this.#running.shift();
  }

  close(): void {
    for (const lane of this.#lanes) lane.close();
  }

  #newLane(): HostSessions {
    const lane = new HostSessions(this.#tools, this.#run, this.#step, this.#moreStepsAfter);
    this.#lanes.push(lane);
    return lane;
  }

  /** Opens another lane when the addresses left are worth one and the server has a session free now. */
  #spread(): void {
    const tolerance = this.#lanes[0]!.tolerance;
    const perLane = tolerance.tarpit ? 1 : ADDRESSES_PER_LANE;
    const wanted = Math.min(tolerance.sessions, Math.ceil(this.#queue.length / perLane));
    if (this.#lanes.length < wanted) this.#running.push(this.#work(this.#newLane(), false));
  }

  async #work(lane: HostSessions, first: boolean): Promise<void> {
    this.#working.add(lane);
    try {
      await this.#ask(lane, first);
    } finally {
      this.#working.delete(lane);
    }
  }

  async #ask(lane: HostSessions, first: boolean): Promise<void> {
    let refusedPauseMs = REFUSED_SESSION_PAUSE_MS;
    while (this.#queue.length > 0) {
      if (this.#run.deadline.expired) return this.#judgeRest(() => deadlinePassed());
      const failure = await lane.ensure({ wait: first });
      if (failure === "busy") {
        this.#lanes.splice(this.#lanes.indexOf(lane), 1);
        return;
      }
      if (failure) {
        // Another lane still asks: this one steps aside. The last one standing may wait for a
        // server that refused a session for too many of them, else its failure is the rest's.
        if (this.#working.size > 1) return;
        if (this.#refusedForOurOtherSessions(failure) && (await this.#pauseBeforeRetry(refusedPauseMs))) {
          refusedPauseMs *= 2;
          continue;
        }
        return this.#judgeRest(() => failure);
      }
      const batch = await this.#takeBatch(lane.room);
      if (batch.length === 0) return this.#judgeRest(() => deadlinePassed());
      const results = await lane.probe(batch.map(({ address }) => address));
      results.forEach((result, index) => this.#settle(batch[index]!, result));
      this.#spread();
    }
  }

  /** Takes as many addresses as the session's room and the server's RCPT rate allow, after the rate's wait. */
  async #takeBatch(room: number): Promise<Asking[]> {
    const { key, pace } = serverPace(this.#step.rule, this.#step.ip, this.#tools.hostRcptPerSecond);
    const wanted = Math.min(this.#queue.length, room);
    const { granted, waitMs } = this.#tools.rates.reserve(key, pace, wanted, this.#run.deadline.remainingMs());
    const batch = this.#queue.splice(0, granted);
    this.#run.politenessWaitMs += waitMs;
    if (granted === 0 || (await pause(waitMs, this.#run.deadline.signal))) return batch;
    this.#queue.unshift(...batch);
    return [];
  }

  /** Keeps an address's own answer; sends one whose session broke first back to the queue while it has tries left. */
  #settle(asking: Asking, result: RecipientResult): void {
    const tries = asking.tries + 1;
    if (isOwnAnswer(result) || tries >= SESSIONS_PER_ADDRESS || this.#run.deadline.expired) this.results.set(asking.address, result);
    else this.#queue.push({ address: asking.address, tries });
  }

  #judgeRest(failure: () => Parameters<typeof resultFromFailure>[1]): void {
    for (const { address } of this.#queue.splice(0)) this.results.set(address, resultFromFailure(address, failure()));
  }

  /** A 421 at the greeting while other sessions of ours are open there: the server's limit on sessions, which frees up. */
  #refusedForOurOtherSessions(failure: Exclude<OpenFailure, "busy">): boolean {
    return failure.responseCode === 421 && failure.stage === "connect" && this.#tools.slots.active({ ip: this.#step.ip }) > 0;
  }

  async #pauseBeforeRetry(ms: number): Promise<boolean> {
    if (ms >= this.#run.deadline.remainingMs() / 2) return false;
    this.#run.politenessWaitMs += ms;
    return pause(ms, this.#run.deadline.signal);
  }
}

/**
 * Catch-all, learned as cheaply as possible: a real address refused as unknown says "no" for
 * free; with nothing accepted the question does not matter; otherwise an RCPT for an address
 * nobody has, in an open session when it has room, unless the answer is remembered.
 */
async function learnCatchAll(tools: ProberTools, run: ProbeRun, visit: Visit, host: string, answers: readonly RecipientResult[]): Promise<boolean | null> {
  if (answers.some((result) => result.reason === "mailbox_not_found")) {
    tools.catchAll.remember(run.domain, host, false);
    return false;
  }
  if (!answers.some((result) => result.reason === "accepted")) return null;
  const askNobody = async () => {
    const nobody = `${randomLocalPart()}@${run.domain}`;
    await visit.askAll([nobody]);
    return catchAllFrom(visit.results.get(nobody)!);
  };
  return (await beforeDeadline(tools.catchAll.answer(run.domain, host, askNobody), run.deadline.signal)) ?? null;
}
