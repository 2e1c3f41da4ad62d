import { ipBytes } from "../../net/ip-bytes";

/** The qualifiers of RFC 7208 §4.6.2 and the result each gives when its mechanism matches. */
export const QUALIFIER_RESULTS = { "+": "pass", "-": "fail", "~": "softfail", "?": "neutral" } as const;
export type Qualifier = keyof typeof QUALIFIER_RESULTS;

export type MechanismName = "all" | "include" | "a" | "mx" | "ptr" | "ip4" | "ip6" | "exists";

export interface SpfMechanism {
  kind: "mechanism";
  qualifier: Qualifier;
  name: MechanismName;
  /** The domain-spec (macros unexpanded) for include, a, mx, ptr and exists, or the address for ip4/ip6. */
  value: string | null;
  /** Prefix lengths: `a/24//64`, `ip4:192.0.2.0/24`. Null means the whole address. */
  cidr4: number | null;
  cidr6: number | null;
  /** The term as written, for findings. */
  text: string;
}

export interface SpfRecord {
  mechanisms: SpfMechanism[];
  redirect: string | null;
  /** Modifiers other than redirect (exp and unknown ones), which do not change the result. */
  otherModifiers: string[];
}

export type SpfParse = { ok: true; record: SpfRecord } | { ok: false; problem: string };

const NEEDS_DOMAIN = new Set(["include", "exists"]);
const MAY_HAVE_DOMAIN = new Set(["a", "mx", "ptr"]);
const DUAL_CIDR = /^(.*?)(?:\/(\d{1,2}))?(?:\/\/(\d{1,3}))?$/;
const MODIFIER = /^([a-z][a-z0-9_.-]*)=(.*)$/i;

/** Whether a TXT record's text is an SPF record at all (RFC 7208 §4.5: "v=spf1" then a space or the end). */
export function isSpfRecord(text: string): boolean {
  return /^v=spf1( |$)/i.test(text);
}

/**
 * Parses an SPF record's text (RFC 7208 §4.6, §12). Anything the RFC calls a syntax error
 * (an unknown mechanism, a bad prefix length, a second redirect) is `{ ok: false }` with the
 * reason in plain words, which the evaluator turns into `permerror`. Never throws.
 *
 * @example
 * parseSpfRecord("v=spf1 ip4:192.0.2.0/24 include:_spf.example.net -all");
 * // { ok: true, record: { mechanisms: [{ name: "ip4", value: "192.0.2.0", cidr4: 24, … }, …], redirect: null, … } }
 * parseSpfRecord("v=spf1 ip4:192.0.2.300 -all"); // { ok: false, problem: "ip4:192.0.2.300 is not an IPv4 address" }
 */
export function parseSpfRecord(text: string): SpfParse {
  if (!isSpfRecord(text)) return { ok: false, problem: 'an SPF record must start with "v=spf1"' };
  const record: SpfRecord = { mechanisms: [], redirect: null, otherModifiers: [] };
  for (const term of text.slice(6).split(" ").filter(Boolean)) {
    const problem = readTerm(term, record);
    if (problem !== null) return { ok: false, problem };
  }
  return { ok: true, record };
}

function readTerm(term: string, record: SpfRecord): string | null {
  const modifier = MODIFIER.exec(term);
  if (modifier) {
    const [, name = "", value = ""] = modifier;
    if (name.toLowerCase() !== "redirect") return (record.otherModifiers.push(term), null);
    if (record.redirect !== null) return "the record has more than one redirect= modifier";
    if (value === "") return "redirect= names no domain";
    record.redirect = value;
    return null;
  }
  const mechanism = readMechanism(term);
  if (typeof mechanism === "string") return mechanism;
  record.mechanisms.push(mechanism);
  return null;
}

function readMechanism(term: string): SpfMechanism | string {
  const qualifier: Qualifier = "+-~?".includes(term[0]!) ? (term[0] as Qualifier) : "+";
  const body = qualifier === term[0] ? term.slice(1) : term;
  const [, rawName = "", rest = ""] = /^([a-z0-9]+)(.*)$/i.exec(body) ?? [];
  const name = rawName.toLowerCase();
  const base = { kind: "mechanism" as const, qualifier, text: term };
  if (name === "all") return rest === "" ? { ...base, name, value: null, cidr4: null, cidr6: null } : `"${term}": all takes no argument`;
  if (name === "ip4" || name === "ip6") return readAddress(base, name, rest);
  if (!NEEDS_DOMAIN.has(name) && !MAY_HAVE_DOMAIN.has(name)) return `"${term}" is not an SPF mechanism`;
  const [, spec = "", cidr4, cidr6] = DUAL_CIDR.exec(rest) ?? [];
  if (spec !== "" && !spec.startsWith(":")) return `"${term}" is not an SPF mechanism`;
  const domain = spec.slice(1);
  if (spec !== "" && domain === "") return `"${term}" names no domain after the colon`;
  if (NEEDS_DOMAIN.has(name) && domain === "") return `"${term}" needs a domain`;
  if ((cidr4 !== undefined || cidr6 !== undefined) && (name === "include" || name === "exists" || name === "ptr")) return `"${term}" takes no prefix length`;
  const [v4, v6] = [cidr4 === undefined ? null : Number(cidr4), cidr6 === undefined ? null : Number(cidr6)];
  if ((v4 ?? 0) > 32 || (v6 ?? 0) > 128) return `"${term}" has a prefix length out of range`;
  return { ...base, name: name as MechanismName, value: domain || null, cidr4: v4, cidr6: v6 };
}

function readAddress(base: Pick<SpfMechanism, "kind" | "qualifier" | "text">, name: "ip4" | "ip6", rest: string): SpfMechanism | string {
  const [, address = "", prefix] = /^:([^/]*)(?:\/(\d{1,3}))?$/.exec(rest) ?? [];
  const max = name === "ip4" ? 32 : 128;
  const valid = ipBytes(address)?.length === (name === "ip4" ? 4 : 16);
  if (!valid) return `${base.text} is not an ${name === "ip4" ? "IPv4" : "IPv6"} address`;
  const length = prefix === undefined ? null : Number(prefix);
  if (length !== null && length > max) return `${base.text} has a prefix length over ${max}`;
  return { ...base, name, value: address, cidr4: name === "ip4" ? length : null, cidr6: name === "ip6" ? length : null };
}
