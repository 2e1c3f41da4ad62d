import type { ReputationFinding } from "../../contract/reputation";
import type { SpfEvaluation } from "../spf/evaluate-spf";
import type { SpfFetch } from "../spf/fetch-spf";

/** An address no SPF record authorises but `+all`: evaluating for it walks every term, so every lookup is counted. */
export const NO_ONES_ADDRESS = "0.0.0.0";

/**
 * The finding on a domain's SPF record itself: present, one, valid, within the lookup limits,
 * and ending in a policy for everyone else. `walk` is the evaluation for NO_ONES_ADDRESS.
 *
 * @example
 * spfRecordFinding("example.com", { kind: "none" }, walk); // { id: "spf-record", status: "fail", summary: "example.com has no SPF record…", … }
 */
export function spfRecordFinding(domain: string, fetched: SpfFetch, walk: SpfEvaluation): ReputationFinding {
  const finding = (status: ReputationFinding["status"], summary: string, fix: string | null): ReputationFinding => ({
    id: "spf-record",
    status,
    summary,
    fix,
    details: { record: walk.record, lookups: walk.lookups, void_lookups: walk.voidLookups },
  });
  if (fetched.kind === "dns_error")
    return finding("unknown", `${domain}'s SPF record could not be read: ${fetched.detail}.`, "Try again; if it lasts, check the domain's name servers.");
  if (fetched.kind === "none")
    return finding(
      "fail",
      `${domain} has no SPF record: receivers cannot tell its servers from forgers, and Gmail and Yahoo refuse or junk such mail.`,
      `Publish one TXT record at ${domain}: "v=spf1 ip4:<your sending IPs> -all" (add the include: of each service that sends for you).`,
    );
  if (fetched.kind === "several")
    return finding(
      "fail",
      `${domain} has ${fetched.texts.length} SPF records; receivers read that as an error (permerror), so SPF fails for all its mail.`,
      "Merge them into one TXT record starting with v=spf1.",
    );
  if (walk.result === "temperror")
    return finding(
      "unknown",
      `${domain}'s SPF record could not be followed: ${walk.problem}.`,
      "Try again; if it lasts, check the name servers of the domains it includes.",
    );
  if (walk.result === "permerror")
    return finding("fail", `${domain}'s SPF record is broken, so SPF fails for all its mail: ${walk.problem}.`, permerrorFix(walk.problem ?? ""));
  const record = fetched.text;
  if (/(^| )\+?all( |$)/i.test(record))
    return finding(
      "fail",
      `${domain}'s SPF record ends in +all: it authorises every server on the internet to send as ${domain}.`,
      'End the record with "-all" (or "~all" while you test).',
    );
  if (walk.warnings.length > 0) return finding("warn", walk.warnings.join(" "), "Replace each ptr term with the ip4:/ip6: ranges it stood for.");
  if (/(^| )\?all( |$)/i.test(record) || walk.result === "neutral")
    return finding(
      "warn",
      `${domain}'s SPF record says nothing about servers it does not list (?all or no all): forged mail is neither passed nor failed.`,
      'End the record with "-all" (or "~all" while you test).',
    );
  return finding("pass", `${domain} has one valid SPF record, using ${walk.lookups} of 10 DNS lookups: ${record}`, null);
}

function permerrorFix(problem: string): string {
  if (problem.includes("DNS lookups"))
    return "Flatten it: replace include: terms with the ip4:/ip6: ranges they stand for, or drop services you no longer use, to stay within 10 lookups.";
  if (problem.includes("void")) return "Remove the terms that name domains that no longer exist.";
  if (problem.includes("no SPF record")) return "Remove the include: or redirect= of a domain without an SPF record, or ask its owner for the right name.";
  return "Correct the record so it follows RFC 7208; every term must be a known mechanism or modifier.";
}

/**
 * The finding on one sending IP: does the domain's SPF record authorise it?
 *
 * @example
 * spfIpFinding("example.com", evaluation); // { id: "spf:192.0.2.10", status: "pass", summary: "192.0.2.10 may send as example.com (ip4:192.0.2.10).", … }
 */
export function spfIpFinding(domain: string, evaluation: SpfEvaluation & { ip: string }): ReputationFinding {
  const { ip, result, matched } = evaluation;
  const base = { id: `spf:${ip}`, details: { result, matched } };
  if (result === "pass") return { ...base, status: "pass", summary: `${ip} may send as ${domain} (${matched}).`, fix: null };
  if (result === "temperror")
    return { ...base, status: "unknown", summary: `Whether ${ip} may send as ${domain} could not be read: ${evaluation.problem}.`, fix: "Try again later." };
  const why = result === "permerror" || result === "none" ? (evaluation.problem ?? result) : `SPF ${result}${matched ? ` by ${matched}` : ""}`;
  const family = ip.includes(":") ? "ip6" : "ip4";
  return {
    ...base,
    status: "fail",
    summary: `${ip} is not authorised to send as ${domain} (${why}); receivers may refuse or junk its mail.`,
    fix: `Add ${family}:${ip} (or the include: of the service that sends from it) to ${domain}'s SPF record.`,
  };
}
