import type { ReputationFinding } from "../../contract/reputation";
import type { DmarcFetch } from "../dmarc/fetch-dmarc";
import type { DmarcParse } from "../dmarc/parse-dmarc";

/**
 * The finding on a domain's DMARC record: present, one, valid, and enforcing.
 *
 * @example
 * dmarcFinding("example.com", { kind: "none" }, null); // { id: "dmarc", status: "fail", summary: "example.com has no DMARC record…", … }
 */
export function dmarcFinding(domain: string, fetched: DmarcFetch, parsed: DmarcParse | null): ReputationFinding {
  const finding = (status: ReputationFinding["status"], summary: string, fix: string | null): ReputationFinding => ({ id: "dmarc", status, summary, fix });
  const start = `Publish at _dmarc.${domain}: "v=DMARC1; p=none; rua=mailto:<an address that reads reports>", read the reports, then move to p=quarantine and p=reject.`;
  if (fetched.kind === "dns_error") return finding("unknown", `${domain}'s DMARC record could not be read: ${fetched.detail}.`, "Try again later.");
  if (fetched.kind === "none")
    return finding(
      "fail",
      `${domain} has no DMARC record (_dmarc.${domain}): Gmail and Yahoo require one from bulk senders, and anyone can send mail in ${domain}'s name.`,
      start,
    );
  if (fetched.kind === "several")
    return finding(
      "fail",
      `${domain} has ${fetched.texts.length} DMARC records; receivers then apply none of them.`,
      "Keep one TXT record at _dmarc and delete the others.",
    );
  if (parsed === null || !parsed.ok)
    return finding(
      "fail",
      `${domain}'s DMARC record is invalid: ${parsed?.ok === false ? parsed.problem : "unreadable"}.`,
      `Correct the record: ${fetched.text}`,
    );
  const { p, pct } = parsed.record;
  if (p === "none")
    return finding(
      "warn",
      `${domain}'s DMARC policy is p=none: it only monitors; forged mail in its name is still delivered.`,
      "Once the reports show all your own mail passing, move to p=quarantine, then p=reject.",
    );
  if (pct < 100)
    return finding(
      "warn",
      `${domain}'s DMARC policy p=${p} applies to ${pct}% of failing mail only.`,
      "Raise pct to 100 (or remove it) once the reports are clean.",
    );
  return finding("pass", `${domain} has a valid DMARC record with p=${p}.`, null);
}
