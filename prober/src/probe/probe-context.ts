import type { DnsResolver } from "../../../shared/dns";
import type { SmtpSession, SmtpSessionOptions } from "../smtp/client";
import { SmtpError } from "../smtp/smtp-error";
import type { Transcript } from "../smtp/transcript";
import type { CatchAllCache } from "./catch-all";
import type { Deadline } from "./deadline";
import type { EgressPolicy } from "./egress";
import type { HostSlots } from "./host-slots";
import type { HostMemory } from "./host-tolerance";
import type { ProberMetrics } from "../metrics/prober-metrics";
import type { ServerRates } from "./server-rate";

/** What every probe shares for the life of the prober: identity, rules, limits and memory. */
export interface ProberTools {
  readonly heloName: string;
  /** The envelope sender: the prober's own address, never the one being checked. */
  readonly mailFrom: string;
  readonly egress: EgressPolicy;
  readonly resolver: Pick<DnsResolver, "lookup">;
  readonly slots: HostSlots;
  /** RCPT rates per mail server, learned. */
  readonly rates: ServerRates;
  /** The starting RCPT rate of servers no provider rule names (MAILVET_PROBER_HOST_RATE). */
  readonly hostRcptPerSecond: number;
  /** What each mail server tolerates, learned. */
  readonly hosts: HostMemory;
  readonly catchAll: CatchAllCache;
  /** `openSmtpSession`, or a wrapper around it in tests. */
  readonly openSession: (options: SmtpSessionOptions) => Promise<SmtpSession>;
  /** Where sessions and RCPT replies are counted. */
  readonly metrics: Pick<ProberMetrics, "sessionOpened" | "sessionClosed" | "rcptReplies">;
}

/** One probe request under way. */
export interface ProbeRun {
  /** The domain in A-label form; every address probed is at it. */
  readonly domain: string;
  readonly deadline: Deadline;
  /** `performance.now()` when the request arrived; durations count from here. */
  readonly startedAt: number;
  /** All sessions of the request write here; returned only when the request asks. */
  readonly transcript: Transcript;
  /** Milliseconds spent waiting for politeness (RCPT rates, session slots), for the log. */
  politenessWaitMs: number;
}

/**
 * The failure an address gets when the deadline leaves no time to ask about it.
 *
 * @example
 * resultFromFailure(address, deadlinePassed()).reason; // "timeout"
 */
export function deadlinePassed(): SmtpError {
  return new SmtpError("ETIMEDOUT_DEADLINE", "the deadline passed before the address could be asked about", { command: "RCPT TO", stage: "rcpt" });
}
