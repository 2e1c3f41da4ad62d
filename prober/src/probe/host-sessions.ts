import type { SmtpSession, SmtpTimeouts } from "../smtp/client";
import type { RecipientResult } from "../smtp/recipient-result";
import { SmtpError } from "../smtp/smtp-error";
import type { ReleaseSlot } from "./host-slots";
import { deadlinePassed, type ProberTools, type ProbeRun } from "./probe-context";
import type { WalkStep } from "./walk-plan";

/**
 * The named timeouts of one attempt at an MX address. Connect: a live host answers a SYN
 * within a round trip, 5 s allows two retransmissions. Greeting: Postfix's postscreen waits
 * 6 s before its banner, and DNSBL checks add more. Command: RCPT with recipient-verification
 * callouts can take seconds. All are cut further by the deadline (see `timeoutsWithin`).
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

/**
 * The SMTP sessions of one request at one MX address, one at a time: the open one is reused
 * until the provider's RCPT allowance for a session is spent, then closed (in the background:
 * QUIT needs no waiting for) and a new one opened. Each holds a slot of the host's limit
 * until it is closed.
 *
 * @example
 * const sessions = new HostSessions(tools, run, step, true);
 * const failure = await sessions.ensure();
 * if (!failure) await sessions.probe(["alice@example.org"]);
 * sessions.close();
 */
export class HostSessions {
  #session: SmtpSession | null = null;
  #release: ReleaseSlot | null = null;
  #room = 0;
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

  /** RCPT commands the open session may still send. */
  get room(): number {
    return this.#session?.state === "ready" ? this.#room : 0;
  }

  /**
   * Makes sure a session with room is open: the current one, or a new one (always a new one
   * when `fresh`). Resolves to the SmtpError when none can be opened, else null.
   */
  async ensure(fresh = false): Promise<SmtpError | null> {
    if (!fresh && this.room > 0) return null;
    this.close();
    const { deadline, transcript } = this.#run;
    const release = await this.#tools.slots.acquire(this.#step.host, deadline.signal);
    if (!release) return deadlinePassed();
    try {
      this.#session = await this.#tools.openSession({
        host: this.#step.host,
        ip: this.#step.ip,
        port: this.#tools.egress.port,
        heloName: this.#tools.heloName,
        signal: deadline.signal,
        timeouts: timeoutsWithin(deadline.remainingMs(), this.#moreStepsAfter),
        transcript,
      });
    } catch (error) {
      release();
      if (error instanceof SmtpError) return error;
      throw error;
    }
    this.#release = release;
    this.#room = this.#step.rule.recipientsPerSession;
    return null;
  }

  /** Asks about the addresses in the open session (see `ensure`), spending its room. */
  async probe(addresses: readonly string[]): Promise<RecipientResult[]> {
    this.#room -= addresses.length;
    return this.#session!.probe(this.#tools.mailFrom, addresses);
  }

  /** Says QUIT to the open session without waiting; its slot is free once it has closed. */
  close(): void {
    const [session, release] = [this.#session, this.#release];
    this.#session = null;
    this.#release = null;
    if (session && release) void session.close().finally(release);
  }
}
