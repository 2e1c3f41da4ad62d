import type { ReputationFinding } from "../../contract/reputation";
import type { ListCheck } from "../list-check";

/**
 * One finding for one IP address or domain over all the lists asked about it: `fail` when any
 * lists it, else `unknown` when any could not be asked, else `pass`.
 *
 * @example
 * listFinding("blocklists:192.0.2.11", "192.0.2.11", checks);
 * // { id: "blocklists:192.0.2.11", status: "fail", summary: "192.0.2.11 is listed on Spamhaus ZEN (SBL: …).", fix: "…" }
 */
export function listFinding(id: string, item: string, checks: readonly ListCheck[]): ReputationFinding {
  const listed = checks.filter((check) => check.status === "listed");
  const unasked = checks.filter((check) => check.status === "could_not_ask");
  const details = { lists: checks.map(({ list, status, codes }) => ({ list, status, codes })) };
  if (listed.length > 0) {
    return {
      id,
      status: "fail",
      summary: `${item} is listed on ${listed.map((check) => `${check.name} (${check.meaning})`).join(", ")}.`,
      fix: `Find and stop what sent the mail that got it listed (a compromised account or machine, a bought list, a form without confirmation), then ask for removal: ${listed.map((check) => check.removal).join(", ")}.`,
      details,
    };
  }
  if (unasked.length > 0) {
    return {
      id,
      status: "unknown",
      summary: `${item} is on none of the lists that answered; ${unasked.map((check) => `${check.name} could not be asked (${check.meaning})`).join(", ")}.`,
      fix: "This is not a listing. Ask through a resolver of your own (the lists refuse public resolvers), or set a Spamhaus DQS key (MAILVET_SPAMHAUS_DQS_KEY).",
      details,
    };
  }
  return { id, status: "pass", summary: `${item} is on none of the ${checks.length} block lists asked.`, fix: null, details };
}
