import type { SmtpSession, SmtpTimeouts } from "../smtp/client";
import type { RecipientResult } from "../smtp/recipient-result";
import { providerLabel } from "../metrics/provider";
import { SmtpError } from "../smtp/smtp-error";
import type { ReleaseSlot } from "./host-slots";
import type { HostTolerance } from "./host-tolerance";
import { serverPace, TRANSACTIONS_PER_SESSION } from "./politeness";
import { deadlinePassed, type ProberTools, type ProbeRun } from "./probe-context";
import { lessonsOf, SLOW_REPLY_MS, type SessionCounts } from "./session-lessons";
import type { WalkStep } from "./walk-plan";

/**
 * The named timeouts of one attempt at an MX address. Connect: a live host answers a SYN
 * within a round trip, 5 s allows two retransmissions. Greeting: Postfix's postscreen waits
 * 6 s before its banner, and DNSBL checks add more. Command: RCPT with recipient-verification
 * callouts can take seconds, and a tarpit answers its refusals seconds late. All are cut
 * further by the deadline (see `timeoutsWithin`).
 */
export const ATTEMPT_TIMEOUTS: SmtpTimeouts = { connectTimeoutMs: 5_000, greetingTimeoutMs: 15_000, commandTimeoutMs: 15_000, tlsTimeoutMs: 5_000 };

/**
 * The timeouts of an attempt with `remainingMs` left. When another MX address could still be
 * tried, no single wait may take more than half of what is left, so a tarpit at the first
 * leaves time for the next.
 *
 * @example
 * timeoutsWithin(8000, true).greetingTimeoutMs; // 4000
 */
export function timeoutsWithin(remainingMs: number, moreStepsAfter: boolean): SmtpTimeouts {
  const cap = Math.max(1, Math.floor(moreStepsAfter ? remainingMs / 2 : remainingMs));
  return {
    connectTimeoutMs: Math.min(ATTEMPT_TIMEOUTS.connectTimeoutMs, cap),
    greetingTimeoutMs: Math.min(ATTEMPT_TIMEOUTS.greetingTimeoutMs, cap),
    commandTimeoutMs: Math.min(ATTEMPT_TIMEOUTS.commandTimeoutMs, cap),
    tlsTimeoutMs: Math.min(ATTEMPT_TIMEOUTS.tlsTimeoutMs, cap),
  };
}

type ConnectStep = Extract<WalkStep, { kind: "connect" }>;

/** RCPTs in the first group sent to a server not met within the hour: a tarpit or a low limit costs little to find out. */
const FIRST_CONTACT_GROUP = 3;

/** Why no session is open: it could not be opened (the server's refusal or a failure), or no slot was free at once. */
export type OpenFailure = SmtpError | "busy";

/**
 * One lane of SMTP sessions of one request at one MX address, one session at a time. The open
 * session is reused while it stays within what the server tolerates (recipients, refusals,
 * transactions), then closed (in the background: QUIT needs no waiting for) and a new one
 * opened. Each session holds a slot of the server's limits until it is closed. What a session
 * shows of the server's limits is taught to the prober's memory as it happens.
 *
 * @example
 * const lane = new HostSessions(tools, run, step, true);
 * const failure = await lane.ensure();
 * if (!failure) await lane.probe(["alice@example.org"]);
 * lane.close();
 */
export class HostSessions {
  #session: SmtpSession | null = null;
  #release: ReleaseSlot | null = null;
  #counts: SessionCounts = { recipients: 0, errors: 0, transactions: 0 };
  /** Whether the open session is the first at this server within the hour. */
  #firstContact = false;
  readonly #tools: ProberTools;
  readonly #run: ProbeRun;
  readonly #step: ConnectStep;
  readonly #moreStepsAfter: boolean;

  constructor(tools: ProberTools, run: ProbeRun, step: ConnectStep, moreStepsAfter: boolean) {
    this.#tools = tools;
    this.#run = run;
    this.#step = step;
    this.#moreStepsAfter = moreStepsAfter;
  }

  /** What the server tolerates, as the prober knows it now. */
  get tolerance(): HostTolerance {
    return this.#tools.hosts.tolerance(this.#step.ip, this.#step.rule);
  }

  /** RCPT commands the next transaction of the open session may carry: 0 when a new session must take over. */
  get room(): number {
    if (this.#session?.state !== "ready" || this.#counts.transactions >= TRANSACTIONS_PER_SESSION) return 0;
    const tolerance = this.tolerance;
    // Every RCPT of a pipelined group may be refused, so a group never holds more than the
    // refusals the session has left; at a tarpit one at a time, so none waits behind a refusal;
    // and a server met for the first time gets a small group first, to show its ways cheaply.
    const firstGroup = this.#firstContact && this.#counts.transactions === 0 ? FIRST_CONTACT_GROUP : Number.POSITIVE_INFINITY;
    return Math.max(
      0,
      Math.min(
        tolerance.recipientsPerSession - this.#counts.recipients,
        tolerance.errorsPerSession - this.#counts.errors,
        tolerance.recipientsPerTransaction,
        tolerance.tarpit ? 1 : Number.POSITIVE_INFINITY,
        firstGroup,
      ),
    );
  }

  /**
   * Makes sure a session with room is open: the current one, or a new one. With `wait` false
   * it takes a slot only if one is free now, else resolves to "busy". Resolves to the failure
   * when none can be opened, else null.
   */
  async ensure({ wait = true } = {}): Promise<OpenFailure | null> {
    if (this.room > 0) return null;
    this.close();
    const { deadline, transcript } = this.#run;
    const place = { host: this.#step.host, ip: this.#step.ip };
    const limit = this.tolerance.sessions;
    const waitStarted = performance.now();
    const release = wait ? await this.#tools.slots.acquire(place, limit, deadline.signal) : this.#tools.slots.tryAcquire(place, limit);
    this.#run.politenessWaitMs += performance.now() - waitStarted;
    if (!release) return wait ? deadlinePassed() : "busy";
    // Ours open at this server besides this one: what a "too many connections" refusal was counting.
    const othersOpen = this.#tools.slots.active({ ip: this.#step.ip }) - 1;
    try {
      this.#session = await this.#tools.openSession({
        host: this.#step.host,
        ip: this.#step.ip,
        port: this.#tools.egress.port,
        localAddress: this.#tools.egress.sourceFor(this.#step.ip),
        heloName: this.#tools.heloName,
        signal: deadline.signal,
        timeouts: timeoutsWithin(deadline.remainingMs(), this.#moreStepsAfter),
        transcript,
      });
    } catch (error) {
      release();
      if (!(error instanceof SmtpError)) throw error;
      this.#learn(lessonsOf.refusedSession(error, othersOpen));
      return error;
    }
    this.#release = release;
    this.#tools.metrics.sessionOpened(this.#provider);
    this.#counts = { recipients: 0, errors: 0, transactions: 0 };
    this.#firstContact = !this.#tools.hosts.meet(this.#step.ip);
    return null;
  }

  /** Asks about the addresses in the open session (see `ensure`), and learns from the replies. */
  async probe(addresses: readonly string[]): Promise<RecipientResult[]> {
    const before = this.#counts;
    const results = await this.#session!.probe(this.#tools.mailFrom, addresses, { abandonAfterSlowRefusalMs: SLOW_REPLY_MS });
    this.#tools.metrics.rcptReplies(this.#provider, results);
    const lesson = lessonsOf.transaction(results, before);
    this.#counts = lesson.counts;
    this.#learn(lesson);
    return results;
  }

  /** Says QUIT to the open session without waiting; its slot is free once it has closed. */
  close(): void {
    const [session, release] = [this.#session, this.#release];
    this.#session = null;
    this.#release = null;
    if (session && release) {
      this.#tools.metrics.sessionClosed(this.#provider);
      void session.close().finally(release);
    }
  }

  /** The metrics' label for this server (metrics/provider.ts). */
  get #provider(): string {
    return providerLabel(this.#step.host);
  }

  #learn({ tolerance, throttled, clean }: { tolerance: Partial<HostTolerance> | null; throttled: boolean; clean: boolean }): void {
    if (tolerance) this.#tools.hosts.learn(this.#step.ip, tolerance);
    if (!throttled && !clean) return;
    const { key, pace } = serverPace(this.#step.rule, this.#step.ip, this.#tools.hostRcptPerSecond);
    if (throttled) this.#tools.rates.throttle(key, pace);
    else this.#tools.rates.ease(key, pace);
  }
}
