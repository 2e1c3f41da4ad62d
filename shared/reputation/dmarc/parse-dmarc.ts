export type DmarcPolicy = "none" | "quarantine" | "reject";

/** A DMARC record's tags that the review reads (RFC 7489 §6.3), defaults filled in. */
export interface DmarcRecord {
  p: DmarcPolicy;
  /** Policy for subdomains; defaults to `p`. */
  sp: DmarcPolicy;
  pct: number;
  /** Aggregate report addresses (`mailto:` URIs). */
  rua: string[];
  ruf: string[];
  adkim: "r" | "s";
  aspf: "r" | "s";
}

export type DmarcParse = { ok: true; record: DmarcRecord } | { ok: false; problem: string };

const POLICIES = new Set(["none", "quarantine", "reject"]);

/**
 * Parses a DMARC record (RFC 7489 §6.4): `v=DMARC1` first, then `tag=value` pairs separated by
 * semicolons. A missing or unknown policy, a pct outside 0–100, a report address that is not a
 * mailto: URI, or an alignment other than r/s is `{ ok: false }` with the reason; unknown tags are
 * ignored as the RFC asks. Never throws.
 *
 * @example
 * parseDmarcRecord("v=DMARC1; p=reject; rua=mailto:dmarc@example.com");
 * // { ok: true, record: { p: "reject", sp: "reject", pct: 100, rua: ["mailto:dmarc@example.com"], … } }
 * parseDmarcRecord("v=DMARC1; p=maybe"); // { ok: false, problem: 'p=maybe is not a policy: use none, quarantine or reject' }
 */
export function parseDmarcRecord(text: string): DmarcParse {
  const [version, ...rest] = text.split(";").map((part) => part.trim());
  if (!/^v\s*=\s*DMARC1$/.test(version ?? "")) return { ok: false, problem: 'a DMARC record must start with "v=DMARC1"' };
  const tags = new Map<string, string>();
  for (const part of rest.filter(Boolean)) {
    const equals = part.indexOf("=");
    if (equals < 1) return { ok: false, problem: `"${part}" is not a tag=value pair` };
    const name = part.slice(0, equals).trim().toLowerCase();
    if (tags.has(name)) return { ok: false, problem: `the tag ${name}= appears twice` };
    tags.set(name, part.slice(equals + 1).trim());
  }
  return readTags(tags);
}

function readTags(tags: Map<string, string>): DmarcParse {
  const p = tags.get("p")?.toLowerCase();
  if (p === undefined) return { ok: false, problem: "the record has no policy (p=none, p=quarantine or p=reject)" };
  if (!POLICIES.has(p)) return { ok: false, problem: `p=${p} is not a policy: use none, quarantine or reject` };
  const sp = tags.get("sp")?.toLowerCase() ?? p;
  if (!POLICIES.has(sp)) return { ok: false, problem: `sp=${sp} is not a policy: use none, quarantine or reject` };
  const pctText = tags.get("pct") ?? "100";
  const pct = /^\d{1,3}$/.test(pctText) ? Number(pctText) : Number.NaN;
  if (!(pct >= 0 && pct <= 100)) return { ok: false, problem: `pct=${pctText} must be a whole number from 0 to 100` };
  const [rua, ruf] = [uris(tags.get("rua")), uris(tags.get("ruf"))];
  const badUri = [...rua, ...ruf].find((uri) => !/^mailto:[^@\s]+@[^@\s]+$/i.test(uri.replace(/!\d+[kmgt]?$/i, "")));
  if (badUri !== undefined) return { ok: false, problem: `${badUri} is not a mailto: address for reports` };
  const [adkim, aspf] = [tags.get("adkim")?.toLowerCase() ?? "r", tags.get("aspf")?.toLowerCase() ?? "r"];
  if (!/^[rs]$/.test(adkim) || !/^[rs]$/.test(aspf)) return { ok: false, problem: "adkim= and aspf= must be r (relaxed) or s (strict)" };
  return { ok: true, record: { p: p as DmarcPolicy, sp: sp as DmarcPolicy, pct, rua, ruf, adkim: adkim as "r" | "s", aspf: aspf as "r" | "s" } };
}

function uris(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((uri) => uri.trim())
    .filter(Boolean);
}
