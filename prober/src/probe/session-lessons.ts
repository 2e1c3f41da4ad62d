import { classifyReply } from "../smtp/classify";
import { type RecipientResult, sessionBroke } from "../smtp/recipient-result";
import type { SmtpError } from "../smtp/smtp-error";
import type { HostTolerance } from "./host-tolerance";

/** A reply this late (after the reply before it) is the server holding us back, not the network. */
export const SLOW_REPLY_MS = 1_000;

/** What one session has spent so far. */
export interface SessionCounts {
  /** RCPT commands the server took (answered other than "one recipient too many"). */
  readonly recipients: number;
  /** Refusals (4xx and 5xx replies), as the server counts them towards its error limits. */
  readonly errors: number;
  readonly transactions: number;
}

/** What a session showed of the server. */
export interface Lesson {
  /** Limits the server showed, or null. */
  readonly tolerance: Partial<HostTolerance> | null;
  /** The server spoke of our rate (a throttle, a 421 at the greeting): ask it more slowly. */
  readonly throttled: boolean;
  /** The server answered without a word about our rate: it may be asked a little faster. */
  readonly clean: boolean;
}

const isRefusal = (result: RecipientResult) => result.code !== null && result.code >= 400;

/**
 * A session the server would not open: a 421 at the greeting while we held other sessions
 * there says how many it takes at once; any refusal about our rate slows us down.
 *
 * @example
 * refusedSession(new SmtpError("EREFUSED", "…", { command: "CONNECT", stage: "connect", response: "Error: too many connections", responseCode: 421 }), 2);
 * // { tolerance: { sessions: 2 }, throttled: true, clean: false }
 */
function refusedSession(error: SmtpError, othersOpen: number): Lesson {
  if (error.responseCode === null) return { tolerance: null, throttled: false, clean: false };
  const { class: replyClass } = classifyReply({ stage: error.stage, code: error.responseCode, enhanced: error.enhancedCode, text: error.response ?? "" });
  const tooManySessions = error.responseCode === 421 && othersOpen >= 1;
  return { tolerance: tooManySessions ? { sessions: othersOpen } : null, throttled: replyClass === "rate_limited" || error.responseCode === 421, clean: false };
}

/**
 * What one transaction's results show, given what the session had spent before it: the counts
 * after it, and the limits it revealed. A session dropped (421 or a disconnect) after several
 * refusals, or replies that slowed down once refusals began, reveal how many refusals a session
 * may take; slow refusals from the first one are a tarpit; "too many recipients" after some
 * were accepted reveals the transaction's (or, first in a transaction, the session's) size.
 *
 * @example
 * const { counts, tolerance } = transaction(results, { recipients: 0, errors: 0, transactions: 0 });
 */
function transaction(results: readonly RecipientResult[], before: SessionCounts): Lesson & { counts: SessionCounts } {
  const tolerance: { -readonly [K in keyof HostTolerance]?: HostTolerance[K] } = {};
  let errors = before.errors;
  let sent = 0;
  let taken = 0;
  let throttled = false;
  let sawSlow = false;
  let waitedMs = 0;
  for (const result of results) {
    if (result.stage === "mail") {
      errors += isRefusal(result) && result.code !== 421 ? 1 : 0;
      break;
    }
    // We stopped waiting (a tarpit, learned from the slow refusal before it): no limit of the server's.
    if (result.error === "EABANDONED") break;
    if (result.stage !== "rcpt" || sessionBroke(result)) {
      // A session dropped after refusals: its limit on them (a 421 "too many errors", or silence).
      if (sessionBroke(result) && errors >= 2) tolerance.errorsPerSession = errors - 1;
      else if (result.code === 421) throttled = true;
      if (sessionBroke(result)) break;
      continue;
    }
    waitedMs += result.waitedMs ?? 0;
    if (!sawSlow && result.waitedMs !== null && result.waitedMs >= SLOW_REPLY_MS) {
      sawSlow = true;
      if (errors === 0 && isRefusal(result)) tolerance.tarpit = true;
      else if (errors >= 1) tolerance.errorsPerSession = Math.max(1, errors - 1);
    }
    const tooMany = result.class === "too_many_recipients";
    if (tooMany && taken === sent) {
      if (sent > 0) tolerance.recipientsPerTransaction = sent;
      else if (before.recipients > 0) tolerance.recipientsPerSession = before.recipients;
    }
    if (result.class === "rate_limited") throttled = true;
    if (isRefusal(result)) errors++;
    sent++;
    if (!tooMany) taken++;
  }
  // A server that buffers its replies sends a group's all at once, after every delay in it: a
  // slow group with refusals in it, no reply of which stood out, is read the same way.
  if (tolerance.tarpit === undefined && tolerance.errorsPerSession === undefined && waitedMs >= SLOW_REPLY_MS && errors > before.errors) {
    if (before.errors === 0) tolerance.tarpit = true;
    else tolerance.errorsPerSession = before.errors;
  }
  const counts = { recipients: before.recipients + taken, errors, transactions: before.transactions + 1 };
  const learned = Object.keys(tolerance).length > 0 ? tolerance : null;
  return { counts, tolerance: learned, throttled, clean: !throttled && sent > 0 };
}

/** The lessons a session's events teach; see each function. */
export const lessonsOf = { refusedSession, transaction };
