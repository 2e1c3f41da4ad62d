import type { VerifyResult } from "../../../shared/contract/schemas";
import type { Env } from "../env";
import { edgeSettings } from "../env";
import { findSuppressions, rememberVerdicts } from "./store";

/**
 * The suppression lookup verification uses for `owner` (VerifyContext.suppressions): entries in
 * force now, soft ones within MAILVET_SOFT_BOUNCE_DAYS.
 *
 * @example
 * await verifyAddress(request, { ...context, suppressions: suppressionLookup(c.env, caller.owner) });
 */
export function suppressionLookup(env: Env, owner: string) {
  return (keys: readonly string[]) => findSuppressions(env.JOBS_DB, owner, keys, new Date(), edgeSettings(env).softBounceDays);
}

/**
 * Remembers what verification said of each address for `owner` (verdict memory), so later bounces
 * measure it. Results the list itself decided (bounced, complained) and non-addresses are left
 * out: they predict nothing. It never fails the verification: a D1 error is logged (by its kind,
 * never an address) and the memory misses those results.
 *
 * @example
 * c.executionCtx.waitUntil(rememberResults(c.env, caller.owner, [result]));
 */
export async function rememberResults(env: Env, owner: string, results: readonly VerifyResult[]): Promise<void> {
  const said = results.flatMap(({ normalized, verdict, reason, score }) =>
    normalized === null || reason === "bounced" || reason === "complained" ? [] : [{ key: normalized.toLowerCase(), verdict, reason, score }],
  );
  try {
    await rememberVerdicts(env.JOBS_DB, owner, said, new Date());
  } catch (error) {
    console.error(`verdict memory not written: ${error instanceof Error ? error.name : "error"}`);
  }
}
