import type { DoctorCheck } from "../../../shared/contract/doctor";
import { checkIpBlocklists, type ListCheck, type ReputationResolver } from "../../../shared/reputation";
import { passed, problem } from "./check";

const named = (checks: readonly ListCheck[]) => checks.map((check) => `${check.name} (${check.meaning})`).join("; ");

/**
 * The `blocklists` check of one egress IP: the IP block lists of shared/reputation, asked
 * through the operator's own resolver (MAILVET_BLOCKLIST_RESOLVER), with the Spamhaus DQS key
 * when there is one. A list that answers with an error code, or cannot be asked, makes the check
 * `unknown`, never `fail`; without a resolver of the operator's nothing is asked at all, because
 * public resolvers are refused or answered wrongly.
 *
 * @example
 * (await checkBlocklists("192.0.2.25", createPlainDnsResolver("127.0.0.1"), {})).status; // "pass"
 */
export async function checkBlocklists(ip: string, resolver: ReputationResolver | null, options: { spamhausDqsKey?: string | undefined }): Promise<DoctorCheck> {
  if (resolver === null)
    return problem(
      "blocklists",
      "unknown",
      `The block lists were not asked about ${ip}: no resolver of your own is set, and the lists refuse public resolvers.`,
      "Run a resolver on the prober's machine (unbound) and set MAILVET_BLOCKLIST_RESOLVER=127.0.0.1; a Spamhaus DQS key (MAILVET_SPAMHAUS_DQS_KEY) helps too.",
      { ip },
    );
  const checks = await checkIpBlocklists(ip, resolver, options.spamhausDqsKey ? { spamhausDqsKey: options.spamhausDqsKey } : {});
  const details = { ip, lists: checks.map(({ list, zone, status, codes }) => ({ list, zone, status, codes })) };
  const listed = checks.filter((check) => check.status === "listed");
  if (listed.length > 0)
    return problem(
      "blocklists",
      "fail",
      `${ip} is listed on ${named(listed)}.`,
      `Find and stop what got it listed (an open relay, a compromised process, a HELO of someone else's name), then ask for removal: ${listed.map((check) => check.removal).join(", ")}. Or move the prober to a clean IP.`,
      details,
    );
  const unasked = checks.filter((check) => check.status === "could_not_ask");
  if (unasked.length > 0)
    return problem(
      "blocklists",
      "unknown",
      `${ip} is on none of the lists that answered, but ${named(unasked)}.`,
      "Ask through your own resolver (MAILVET_BLOCKLIST_RESOLVER), not a public one; a Spamhaus DQS key answers from anywhere.",
      details,
    );
  return passed("blocklists", `${ip} is on none of the ${checks.length} block lists asked (${checks.map((check) => check.name).join(", ")}).`, details);
}
