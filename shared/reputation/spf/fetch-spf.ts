import type { ReputationResolver } from "../resolver";
import { isSpfRecord } from "./parse-spf";

/** A domain's SPF record as DNS gives it, before parsing. */
export type SpfFetch = { kind: "record"; text: string } | { kind: "none" } | { kind: "several"; texts: string[] } | { kind: "dns_error"; detail: string };

/**
 * The SPF record of `domain`: the one TXT record starting with "v=spf1", its character-strings
 * joined without spaces (RFC 7208 §3.3). Two or more is `several` (a permerror, §4.5).
 *
 * @example
 * await fetchSpfRecord("example.com", resolver); // { kind: "record", text: "v=spf1 mx -all" }
 */
export async function fetchSpfRecord(domain: string, resolver: ReputationResolver): Promise<SpfFetch> {
  const outcome = await resolver.lookup(domain, "TXT");
  if (outcome.kind === "dns_error") return { kind: "dns_error", detail: outcome.detail };
  if (outcome.kind !== "records") return { kind: "none" };
  const texts = outcome.records.map((record) => record.strings.join("")).filter(isSpfRecord);
  if (texts.length === 0) return { kind: "none" };
  return texts.length === 1 ? { kind: "record", text: texts[0]! } : { kind: "several", texts };
}
