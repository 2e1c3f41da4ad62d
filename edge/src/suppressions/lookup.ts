import type { Env } from "../env";
import { edgeSettings } from "../env";
import { findSuppressions } from "./store";

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
