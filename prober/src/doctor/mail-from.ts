import type { DoctorCheck } from "../../../shared/contract/doctor";
import type { DnsResolver } from "../../../shared/dns";
import { evaluateSpf } from "../../../shared/reputation";
import { passed, problem } from "./check";

type Resolver = Pick<DnsResolver, "lookup">;

const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/**
 * The `mail-from` check: the MAIL FROM domain exists and has an MX, because servers call back
 * to the sender (a callout) or bounce to it, and refuse a sender domain they cannot reach.
 *
 * @example
 * (await checkMailFrom("verify@example.net", resolver)).status; // "pass"
 */
export async function checkMailFrom(mailFrom: string, resolver: Resolver): Promise<DoctorCheck> {
  const domain = domainOf(mailFrom);
  const details = { domain };
  const mx = await resolver.lookup(domain, "MX");
  if (mx.kind === "dns_error")
    return problem(
      "mail-from",
      "unknown",
      `Could not look up the MX of the MAIL FROM domain ${domain}: ${mx.detail}.`,
      "Check the prober's DoH resolvers (MAILVET_DOH_URL).",
      details,
    );
  if (mx.kind === "nxdomain")
    return problem(
      "mail-from",
      "fail",
      `The MAIL FROM domain ${domain} does not exist in DNS; servers refuse senders they cannot reach.`,
      "Set MAILVET_MAIL_FROM to an address of a domain you own, with an MX.",
      details,
    );
  const hosts = mx.kind === "records" ? mx.records.filter((record) => record.exchange !== "").map((record) => record.exchange) : [];
  if (hosts.length === 0)
    return problem(
      "mail-from",
      "fail",
      `The MAIL FROM domain ${domain} has no MX: servers that call back to the sender, or bounce, find nobody.`,
      `Give ${domain} an MX record of a server that accepts mail for ${domain}.`,
      details,
    );
  return passed("mail-from", `The MAIL FROM domain ${domain} exists and has an MX (${hosts.join(", ")}).`, { ...details, mx: hosts });
}

/**
 * The `spf` check of one egress IP: the MAIL FROM domain's SPF record authorises it (RFC 7208,
 * with the reputation module's evaluator), so servers that check SPF at MAIL FROM take the sender.
 *
 * @example
 * (await checkSpf({ ip: "192.0.2.25", mailFrom: "verify@example.net", helo: "probe.example.net" }, resolver)).status; // "pass"
 */
export async function checkSpf({ ip, mailFrom, helo }: { ip: string; mailFrom: string; helo: string }, resolver: Resolver): Promise<DoctorCheck> {
  const domain = domainOf(mailFrom);
  const spf = await evaluateSpf({ ip, domain, sender: mailFrom, helo }, resolver);
  const details = { ip, domain, result: spf.result, record: spf.record, matched: spf.matched };
  const addIt = `Add ${ip.includes(":") ? "ip6" : "ip4"}:${ip} to the SPF record of ${domain}`;
  switch (spf.result) {
    case "pass":
      return passed("spf", `The SPF record of ${domain} authorises ${ip} (${spf.matched}).`, details);
    case "temperror":
      return problem(
        "spf",
        "unknown",
        `Could not evaluate the SPF of ${domain} for ${ip}: ${spf.problem}.`,
        "Try again; check the prober's DoH resolvers (MAILVET_DOH_URL).",
        details,
      );
    case "none":
      return problem(
        "spf",
        "fail",
        `${domain} has no SPF record, so nothing authorises ${ip} to send for it.`,
        `Publish a TXT record at ${domain}: "v=spf1 ${ip.includes(":") ? "ip6" : "ip4"}:${ip} -all".`,
        details,
      );
    case "permerror":
      return problem(
        "spf",
        "fail",
        `The SPF record of ${domain} is broken: ${spf.problem}.`,
        `Fix the SPF record of ${domain} (one record, at most 10 DNS lookups), and ${addIt.charAt(0).toLowerCase()}${addIt.slice(1)}.`,
        details,
      );
    default:
      return problem("spf", "fail", `The SPF record of ${domain} does not authorise ${ip} (${spf.result}).`, `${addIt}, before its "all".`, details);
  }
}
