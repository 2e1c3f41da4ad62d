import { parseAddress, type ParsedAddress } from "../address/parse";
import type { Reason } from "../contract/taxonomy";
import { isGibberish } from "../gibberish";
import type { DomainList } from "../lists/disposable";
import { isRoleAccount } from "../lists/role";
import { domainFacts } from "./domain-facts";

export interface OfflineOptions {
  /** Replaces the bundled disposable list (the edge's KV override). */
  disposable?: DomainList;
  /** Domains never to call disposable (the edge's KV allowlist). */
  disposableAllow?: DomainList;
  /** Lets reserved and special-use domains through (local tests only). */
  allowReservedDomains?: boolean;
}

/** What the checks that need no network found out about one address. */
export interface OfflineFacts {
  address: ParsedAddress | null;
  /** The undeliverable and risky facts found: invalid_syntax, invalid_domain, disposable. */
  reasons: Reason[];
  flags: { disposable: boolean; role: boolean; free: boolean; gibberish: boolean };
  suggestion: string | null;
}

const NO_FLAGS = { disposable: false, role: false, free: false, gibberish: false };

/** An address literal names a host, not a domain: no list or typo applies to it. */
const LITERAL_DOMAIN_FACTS = { reserved: false, disposable: false, free: false, suggestedDomain: null };

/**
 * Runs every check that needs no network: syntax and IDN, reserved domains, the disposable,
 * role and free lists, typo suggestion and gibberish. Pure and synchronous: the edge runs it on
 * every address before any lookup, for a single check (edge/src/verify.ts) and for each row of
 * a bulk job alike, so both answer the same.
 *
 * @example
 * checkOffline("info@mailinator.com").reasons; // ["disposable"]
 */
export function checkOffline(email: string, options: OfflineOptions = {}): OfflineFacts {
  const syntax = parseAddress(email);
  if (!syntax.ok) return { address: null, reasons: ["invalid_syntax"], flags: NO_FLAGS, suggestion: null };
  const address = syntax.address;
  const domain = address.isLiteral ? LITERAL_DOMAIN_FACTS : domainFacts(address.domain, options.disposable, options.disposableAllow);
  if (domain.reserved && !options.allowReservedDomains) {
    return { address, reasons: ["invalid_domain"], flags: NO_FLAGS, suggestion: null };
  }
  return {
    address,
    reasons: domain.disposable ? ["disposable"] : [],
    flags: {
      disposable: domain.disposable,
      role: isRoleAccount(address.local),
      free: domain.free,
      gibberish: isGibberish(address.local),
    },
    suggestion: domain.suggestedDomain === null ? null : `${address.local}@${domain.suggestedDomain}`,
  };
}
