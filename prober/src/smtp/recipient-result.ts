import type { Reason } from "../../../shared/contract/taxonomy";
import { classifyReply } from "./classify";
import type { ReplyClass, SmtpStage } from "./reply-class";
import type { SmtpReply } from "./reply-reader";
import type { SmtpError, SmtpErrorCode } from "./smtp-error";

/** What a probe learned about one address. */
export interface RecipientResult {
  readonly address: string;
  /** The stage of the reply that decided: `rcpt`, or `mail` when MAIL FROM was refused for all; null when no reply did. */
  readonly stage: SmtpStage | null;
  readonly code: number | null;
  readonly enhanced: string | null;
  readonly text: string | null;
  readonly class: ReplyClass | null;
  /** The name of the classification table's row that decided, or null without a reply. */
  readonly rule: string | null;
  readonly reason: Reason;
  readonly retryAfterSeconds: number | null;
  /** Why the session failed before a reply judged the address, or null. */
  readonly error: SmtpErrorCode | null;
  /** Milliseconds the RCPT reply took after the reply before it; null without an RCPT reply of its own. */
  readonly waitedMs: number | null;
}

/**
 * Whether the server answered this address itself, so the answer stands whatever happens to
 * the session afterwards. Not when the session broke first (a 421 closing it, a disconnect, a
 * timeout: those speak of the session), nor when the address was one recipient too many for
 * the transaction or the session (it is asked again in a smaller one).
 *
 * @example
 * isOwnAnswer(resultFromReply("a@example.org", { code: 550, enhanced: "5.1.1", lines: ["User unknown"], text: "User unknown" }, "rcpt")); // true
 */
export function isOwnAnswer(result: RecipientResult): boolean {
  return !sessionBroke(result) && result.class !== "too_many_recipients";
}

/**
 * Whether the session ended before the server answered this address: a 421 (the server is
 * closing) or a failure (disconnect, timeout, a pipeline the prober stopped waiting for).
 *
 * @example
 * sessionBroke(resultFromFailure("a@example.org", deadlinePassed())); // true
 */
export function sessionBroke(result: RecipientResult): boolean {
  return result.code === 421 || result.error !== null;
}

/**
 * The result a reply gives an address.
 *
 * @example
 * resultFromReply("a@example.org", { code: 550, enhanced: "5.1.1", lines: ["User unknown"], text: "User unknown" }, "rcpt").reason;
 * // "mailbox_not_found"
 */
export function resultFromReply(address: string, reply: SmtpReply, stage: SmtpStage, error: SmtpErrorCode | null = null): RecipientResult {
  const classification = classifyReply({ stage, code: reply.code, enhanced: reply.enhanced, text: reply.text });
  return {
    address,
    stage,
    code: reply.code,
    enhanced: classification.enhanced,
    text: reply.text,
    class: classification.class,
    rule: classification.rule,
    reason: classification.reason,
    retryAfterSeconds: classification.retryAfterSeconds,
    error,
    waitedMs: null,
  };
}

/** The reason for a session failure without a refusing reply. */
function reasonOfFailure(code: SmtpErrorCode): Reason {
  if (code === "ECONNECTION" || code === "ETIMEDOUT_CONNECT") return "no_connect";
  if (code.startsWith("ETIMEDOUT_") || code === "EABANDONED") return "timeout";
  return "error";
}

/**
 * The result for an address the session could not judge: a refusal of the whole session
 * (a 554 greeting is `blocked`) is classified like any reply; a timeout is `timeout`, a failed
 * connection `no_connect`, anything else `error`.
 *
 * @example
 * resultFromFailure("a@example.org", new SmtpError("ETIMEDOUT_DEADLINE", "the deadline passed", { command: "RCPT TO", stage: "rcpt" })).reason;
 * // "timeout"
 */
export function resultFromFailure(address: string, error: SmtpError): RecipientResult {
  if (error.code === "EREFUSED" && error.responseCode !== null) {
    const text = error.response ?? "";
    return resultFromReply(address, { code: error.responseCode, enhanced: error.enhancedCode, lines: text.split("\n"), text }, error.stage, error.code);
  }
  return {
    address,
    stage: null,
    code: null,
    enhanced: null,
    text: error.response,
    class: null,
    rule: null,
    reason: reasonOfFailure(error.code),
    retryAfterSeconds: null,
    error: error.code,
    waitedMs: null,
  };
}

/**
 * The result for a non-ASCII address at a server that does not offer SMTPUTF8: it is never sent.
 *
 * @example
 * unsupportedResult("δοκιμή@example.org").reason; // "unsupported"
 */
export function unsupportedResult(address: string): RecipientResult {
  return {
    address,
    stage: null,
    code: null,
    enhanced: null,
    text: null,
    class: null,
    rule: null,
    reason: "unsupported",
    retryAfterSeconds: null,
    error: null,
    waitedMs: null,
  };
}
