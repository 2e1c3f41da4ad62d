import type { ReputationFinding } from "../../contract/reputation";
import type { MailDomainFacts } from "../../dns";

/**
 * Whether the domain takes mail: receivers call back to the MAIL FROM domain, and bounces and
 * DMARC reports go there.
 *
 * @example
 * mxFinding("example.com", { kind: "mx", mx: [{ host: "mx.example.com", preference: 10 }] }); // { id: "mx", status: "pass", … }
 */
export function mxFinding(domain: string, facts: MailDomainFacts): ReputationFinding {
  const finding = (status: ReputationFinding["status"], summary: string, fix: string | null): ReputationFinding => ({ id: "mx", status, summary, fix });
  switch (facts.kind) {
    case "mx":
      return finding("pass", `${domain} takes mail at ${facts.mx.map((host) => host.host).join(", ")}.`, null);
    case "implicit":
      return finding(
        "warn",
        `${domain} has no MX record; mail for it goes to its own address (the implicit MX).`,
        `Publish an MX record naming the host that takes ${domain}'s mail.`,
      );
    case "null_mx":
      return finding(
        "warn",
        `${domain} says it takes no mail (null MX): bounces, replies and DMARC reports to it are lost, and some receivers refuse mail from it.`,
        `If ${domain} sends mail, replace "MX 0 ." with the MX of the host that takes its mail.`,
      );
    case "unresolvable_mx":
      return finding(
        "fail",
        `${domain}'s MX hosts (${facts.hosts.map((host) => host.host).join(", ")}) have no address.`,
        "Give the MX hosts A or AAAA records, or point the MX at hosts that have them.",
      );
    case "dns_error":
      return finding("unknown", `${domain}'s MX could not be read: ${facts.detail}.`, "Try again; if it lasts, check the domain's name servers.");
    default:
      return finding(
        "fail",
        `${domain} has no MX record and no address: servers that call back to the sender or send a bounce cannot reach it, and many refuse its mail.`,
        `Publish an MX record for ${domain}.`,
      );
  }
}
