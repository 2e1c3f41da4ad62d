import type { ReputationResolver } from "../resolver";

/** A domain's DMARC record as DNS gives it, before parsing. */
export type DmarcFetch = { kind: "record"; text: string } | { kind: "none" } | { kind: "several"; texts: string[] } | { kind: "dns_error"; detail: string };

/**
 * The DMARC record at `_dmarc.<domain>`: the one TXT record starting with "v=DMARC1". Two or
 * more is `several`, which receivers treat as no record at all (RFC 7489 §6.6.3). The
 * organisational domain's record is not looked up: that needs the public suffix list.
 *
 * @example
 * await fetchDmarcRecord("example.com", resolver); // { kind: "record", text: "v=DMARC1; p=reject" }
 */
export async function fetchDmarcRecord(domain: string, resolver: ReputationResolver): Promise<DmarcFetch> {
  const outcome = await resolver.lookup(`_dmarc.${domain}`, "TXT");
  if (outcome.kind === "dns_error") return { kind: "dns_error", detail: outcome.detail };
  if (outcome.kind !== "records") return { kind: "none" };
  const texts = outcome.records.map((record) => record.strings.join("")).filter((text) => /^v\s*=\s*DMARC1\b/i.test(text));
  if (texts.length === 0) return { kind: "none" };
  return texts.length === 1 ? { kind: "record", text: texts[0]! } : { kind: "several", texts };
}
