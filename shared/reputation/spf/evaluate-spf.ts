import type { LookupOutcome } from "../../dns";
import { inPrefix, ipBytes, type IpBytes } from "../../net/ip-bytes";
import type { ReputationResolver } from "../resolver";
import { fetchSpfRecord } from "./fetch-spf";
import { expandMacros, type MacroContext } from "./macro";
import { parseSpfRecord, QUALIFIER_RESULTS, type SpfMechanism } from "./parse-spf";

export type SpfResult = "pass" | "fail" | "softfail" | "neutral" | "none" | "permerror" | "temperror";

export interface SpfEvaluation {
  result: SpfResult;
  domain: string;
  /** The domain's own SPF record, when it has exactly one. */
  record: string | null;
  /** The term that decided, with the includes that led to it: `include:_spf.example.net ip4:192.0.2.0/24`. */
  matched: string | null;
  /** DNS-querying terms evaluated (include, a, mx, ptr, exists, redirect); over 10 is a permerror. */
  lookups: number;
  /** Of those, lookups that found nothing; over 2 is a permerror (RFC 7208 §4.6.4). */
  voidLookups: number;
  /** Why the result is none, permerror or temperror, in plain words. */
  problem: string | null;
  /** Things that work but should be changed (the ptr mechanism). */
  warnings: string[];
}

export interface SpfQuery {
  ip: string;
  domain: string;
  /** The MAIL FROM address; default `postmaster@<domain>`. */
  sender?: string;
  helo?: string;
}

/** RFC 7208 §4.6.4's limits; tests may lower them. */
export const SPF_LIMITS = { lookups: 10, voidLookups: 2, mxHosts: 10 };

class SpfStop extends Error {
  constructor(
    readonly result: "permerror" | "temperror",
    readonly problem: string,
  ) {
    super(problem);
  }
}

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9-]{1,63}$/i;

/**
 * RFC 7208's check_host(): whether `ip` may send mail for `domain`, following include and
 * redirect, counting the 10 DNS lookups and 2 void lookups, expanding macros. The ptr mechanism
 * never matches here (RFC 7208 §5.5 asks senders not to use it) and is reported as a warning.
 * Never rejects: DNS failures are `temperror`.
 *
 * @example
 * await evaluateSpf({ ip: "192.0.2.25", domain: "example.com" }, resolver);
 * // { result: "pass", matched: "include:_spf.example.net ip4:192.0.2.0/24", lookups: 1, … }
 */
export async function evaluateSpf(query: SpfQuery, resolver: ReputationResolver, limits = SPF_LIMITS): Promise<SpfEvaluation> {
  const domain = query.domain.toLowerCase().replace(/\.$/, "");
  const ip = ipBytes(query.ip);
  const counts = { lookups: 0, voidLookups: 0 };
  const warnings: string[] = [];
  const base = { domain, record: null, matched: null, warnings };
  if (ip === null || !DOMAIN.test(domain)) return { ...base, ...counts, result: "none", problem: `${domain} is not a domain name` };
  const context: MacroContext = { ip: query.ip, sender: query.sender ?? `postmaster@${domain}`, domain, helo: query.helo ?? domain };
  const evaluator = new Evaluator(ip, context, resolver, limits, counts, warnings);
  try {
    const top = await evaluator.checkHost(domain);
    return { ...base, ...counts, ...top, problem: top.result === "none" ? `${domain} has no SPF record` : null };
  } catch (error) {
    if (!(error instanceof SpfStop)) throw error;
    return { ...base, ...counts, record: evaluator.topRecord, result: error.result, problem: error.problem };
  }
}

type HostResult = { result: SpfResult; matched: string | null; record: string | null };

class Evaluator {
  topRecord: string | null = null;

  constructor(
    readonly ip: IpBytes,
    readonly context: MacroContext,
    readonly resolver: ReputationResolver,
    readonly limits: typeof SPF_LIMITS,
    readonly counts: { lookups: number; voidLookups: number },
    readonly warnings: string[],
  ) {}

  async checkHost(domain: string): Promise<HostResult> {
    const fetched = await fetchSpfRecord(domain, this.resolver);
    if (fetched.kind === "dns_error") throw new SpfStop("temperror", `the SPF record of ${domain} could not be read: ${fetched.detail}`);
    if (fetched.kind === "several") throw new SpfStop("permerror", `${domain} has ${fetched.texts.length} SPF records; it must have exactly one`);
    if (fetched.kind === "none") return { result: "none", matched: null, record: null };
    this.topRecord ??= fetched.text;
    const parsed = parseSpfRecord(fetched.text);
    if (!parsed.ok) throw new SpfStop("permerror", `the SPF record of ${domain} is invalid: ${parsed.problem}`);
    const context = { ...this.context, domain };
    for (const mechanism of parsed.record.mechanisms) {
      const matched = await this.matches(mechanism, context);
      if (matched !== null) return { result: QUALIFIER_RESULTS[mechanism.qualifier], matched, record: fetched.text };
    }
    const redirect = parsed.record.redirect;
    if (redirect === null || parsed.record.mechanisms.some((mechanism) => mechanism.name === "all"))
      return { result: "neutral", matched: null, record: fetched.text };
    this.countLookup();
    const target = this.target(redirect, context);
    const redirected = await this.checkHost(target);
    if (redirected.result === "none") throw new SpfStop("permerror", `redirect=${target}: that domain has no SPF record`);
    return { ...redirected, matched: `redirect=${target}${redirected.matched ? ` ${redirected.matched}` : ""}`, record: fetched.text };
  }

  /** The text that matched (with an include's inner match), or null. */
  async matches(mechanism: SpfMechanism, context: MacroContext): Promise<string | null> {
    const family = this.ip.length === 4 ? 4 : 6;
    const prefix = family === 4 ? (mechanism.cidr4 ?? 32) : (mechanism.cidr6 ?? 128);
    switch (mechanism.name) {
      case "all":
        return mechanism.text;
      case "ip4":
      case "ip6": {
        const network = ipBytes(mechanism.value!)!;
        return inPrefix(this.ip, network, network.length === 4 ? (mechanism.cidr4 ?? 32) : (mechanism.cidr6 ?? 128)) ? mechanism.text : null;
      }
      case "include": {
        this.countLookup();
        const target = this.target(mechanism.value!, context);
        const inner = await this.checkHost(target);
        if (inner.result === "none") throw new SpfStop("permerror", `include:${target}: that domain has no SPF record`);
        return inner.result === "pass" ? `${mechanism.text} ${inner.matched}` : null;
      }
      case "exists": {
        this.countLookup();
        const outcome = await this.ask(this.target(mechanism.value!, context), "A");
        return outcome.kind === "records" ? mechanism.text : null;
      }
      case "ptr":
        this.countLookup();
        this.warnings.push(`"${mechanism.text}": the ptr mechanism is slow and unreliable (RFC 7208 §5.5); list the addresses with ip4/ip6 instead`);
        return null;
      case "a": {
        this.countLookup();
        const addresses = await this.addresses(this.target(mechanism.value ?? context.domain, context), family);
        return addresses.some((address) => inPrefix(this.ip, address, prefix)) ? mechanism.text : null;
      }
      case "mx": {
        this.countLookup();
        const outcome = await this.ask(this.target(mechanism.value ?? context.domain, context), "MX");
        const hosts = outcome.kind === "records" ? outcome.records.map((record) => record.exchange).filter(Boolean) : [];
        if (hosts.length > this.limits.mxHosts)
          throw new SpfStop("permerror", `"${mechanism.text}" names ${hosts.length} mail hosts; SPF allows ${this.limits.mxHosts}`);
        for (const host of hosts) {
          const addresses = await this.addresses(host, family, false);
          if (addresses.some((address) => inPrefix(this.ip, address, prefix))) return mechanism.text;
        }
        return null;
      }
    }
  }

  countLookup(): void {
    if (++this.counts.lookups > this.limits.lookups)
      throw new SpfStop("permerror", `the SPF record needs more than ${this.limits.lookups} DNS lookups (include, a, mx, ptr, exists, redirect)`);
  }

  target(spec: string, context: MacroContext): string {
    const expanded = expandMacros(spec, context);
    if (expanded === null) throw new SpfStop("permerror", `"${spec}" is not a valid SPF domain-spec`);
    const trimmed = expanded.replace(/\.$/, "").toLowerCase();
    if (!DOMAIN.test(trimmed)) throw new SpfStop("permerror", `"${expanded}" is not a domain name`);
    return trimmed;
  }

  async ask<T extends "A" | "AAAA" | "MX">(name: string, type: T, countVoid = true): Promise<LookupOutcome<T>> {
    const outcome = await this.resolver.lookup(name, type);
    if (outcome.kind === "dns_error") throw new SpfStop("temperror", `${type} lookup of ${name} failed: ${outcome.detail}`);
    if (outcome.kind !== "records" && countVoid && ++this.counts.voidLookups > this.limits.voidLookups)
      throw new SpfStop("permerror", `more than ${this.limits.voidLookups} SPF lookups found nothing (void lookups); remove the terms naming dead domains`);
    return outcome;
  }

  async addresses(name: string, family: 4 | 6, countVoid = true): Promise<IpBytes[]> {
    const outcome = await this.ask(name, family === 4 ? "A" : "AAAA", countVoid);
    return outcome.kind === "records" ? outcome.records.map((record) => ipBytes(record.address)!).filter(Boolean) : [];
  }
}
