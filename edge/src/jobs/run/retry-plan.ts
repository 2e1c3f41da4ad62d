import type { Reason } from "../../../../shared/contract/taxonomy";
import type { AddressVerification } from "../../verify";

/** Why addresses go back on the queue: a greylisting server, a server that did not decide yet, or no prober. */
export type RetryKind = "greylisted" | "temporary" | "prober";

/** Times a chunk's addresses went back already, per kind. */
export type RetryCounts = Record<RetryKind, number>;

/** How many times each kind may go back, and the longest wait the server may impose. */
export interface RetryLimits extends RetryCounts {
  maxWaitSeconds: number;
}

/** Addresses (by index) to ask again after `waitSeconds`; `avoid` names probers that failed on them. */
export interface PlannedRetry {
  kind: RetryKind;
  indexes: number[];
  waitSeconds: number;
  avoid: string[];
}

/** The first wait when a server states none; each later retry waits twice as long as the one before. */
const FIRST_RETRY_WAIT_S = 60;
/** First wait before work no prober could do is tried again (on another prober); doubled each time. */
const PROBER_RETRY_WAIT_S = 5;

/**
 * Answers a reachable server gives for now, not for good: a reply timed out, a temporary refusal
 * that says nothing of the mailbox, a connection refused or a session dropped. Asked again later
 * they usually decide.
 */
const TEMPORARY: ReadonlySet<Reason> = new Set<Reason>(["timeout", "deferred", "no_connect", "error"]);
/** A session timed out or broke after it was opened: the server is there. */
const AFTER_CONNECTING: ReadonlySet<Reason> = new Set<Reason>(["timeout", "error"]);

/**
 * Seconds to wait before asking again: the server's own delay when it stated one, else the
 * schedule (60 s, then 120, 240, … after the 1st, 2nd, 3rd try), never more than `maxWaitSeconds`.
 * Greylisters accept a retry at any moment past their delay, so an early first try costs one
 * session and usually ends the wait for servers with short delays.
 *
 * @example
 * retryWait(0, null, 3600); // 60
 * retryWait(2, null, 3600); // 240
 * retryWait(0, 30, 3600); // 30
 */
export function retryWait(attempt: number, stated: number | null, maxWaitSeconds: number): number {
  const wait = stated ?? FIRST_RETRY_WAIT_S * 2 ** attempt;
  return Math.min(maxWaitSeconds, Math.max(1, Math.ceil(wait)));
}

/**
 * Sorts a verified chunk into answers that stand and addresses to ask again. Greylisted
 * addresses and temporary answers of a reachable server (one that answered anything but
 * "no connection" to some address of the chunk) go back until their kind's retries run out;
 * addresses no prober answered, and blocked ones while a prober of `proberIds` has not met the
 * block, go back to another prober (the prober retries). Every other answer stands.
 *
 * @example
 * const { final, retries } = planRetries(await verifyGroup(emails, options, context), { greylisted: 0, temporary: 0, prober: 0 }, limits, ["eu1", "us1"]);
 */
export function planRetries(
  group: readonly AddressVerification[],
  tried: RetryCounts,
  limits: RetryLimits,
  proberIds: readonly string[],
): { final: number[]; retries: PlannedRetry[] } {
  // A chunk whose every address failed to connect (or whose MX did not resolve) asked a server
  // that is not there: asking again soon helps nobody.
  const reachable = group.some(({ result: { reason, smtp } }) => smtp.performed || (smtp.prober !== undefined && AFTER_CONNECTING.has(reason)));
  const final: number[] = [];
  const waiting = new Map<RetryKind, PlannedRetry>();
  const goBack = (kind: RetryKind, index: number, waitSeconds: number, avoid: readonly string[] = []) => {
    const retry = waiting.get(kind) ?? { kind, indexes: [], waitSeconds: 0, avoid: [] };
    retry.indexes.push(index);
    retry.waitSeconds = Math.max(retry.waitSeconds, waitSeconds);
    retry.avoid = [...new Set([...retry.avoid, ...avoid])];
    waiting.set(kind, retry);
  };
  group.forEach(({ result: { reason }, retryAfter: stated, proberFailure, blockedBy }, index) => {
    if (proberFailure) {
      if (tried.prober < limits.prober) goBack("prober", index, PROBER_RETRY_WAIT_S * 2 ** tried.prober, proberFailure.tried);
      else final.push(index);
    } else if (reason === "blocked" && blockedBy.length > 0 && proberIds.some((id) => !blockedBy.includes(id)) && tried.prober < limits.prober) {
      // A block is about the prober, not the address: later, on a prober that has not met it
      // (the blocked ones go last), which was busy or out of time now. When every prober met
      // it, the block stands: the review has marked them, and a job does not wait on them.
      goBack("prober", index, retryWait(tried.prober, null, limits.maxWaitSeconds), blockedBy);
    } else if (reason === "greylisted" && tried.greylisted < limits.greylisted) {
      goBack("greylisted", index, retryWait(tried.greylisted, stated, limits.maxWaitSeconds));
    } else if (TEMPORARY.has(reason) && reachable && tried.temporary < limits.temporary) {
      goBack("temporary", index, retryWait(tried.temporary, stated, limits.maxWaitSeconds));
    } else {
      final.push(index);
    }
  });
  return { final, retries: [...waiting.values()] };
}
