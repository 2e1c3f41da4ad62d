import { parseAddress, type ParsedAddress } from "../address/parse";
import { isReservedDomain } from "../address/reserved";
import type { Reason } from "../contract/taxonomy";
import { isGibberish } from "../gibberish";
import { type DomainList, isDisposable } from "../lists/disposable";
import { isFreeProvider } from "../lists/free";
import { isRoleAccount } from "../lists/role";
import { suggestDomain } from "../lists/typo";

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

/**
 * Runs every check that needs no network: syntax and IDN, reserved domains, the disposable,
 * role and free lists, typo suggestion and gibberish. Pure and synchronous, so the same code
 * runs in workerd, in the prober and in the CLI.
 *
 * @example
 * checkOffline("info@mailinator.com").reasons; // ["disposable"]
 */
export function checkOffline(email: string, options: OfflineOptions = {}): OfflineFacts {
  const syntax = parseAddress(email);
  if (!syntax.ok) return { address: null, reasons: ["invalid_syntax"], flags: NO_FLAGS, suggestion: null };
  const address = syntax.address;
  if (!options.allowReservedDomains && isReservedDomain(address.domain)) {
    return { address, reasons: ["invalid_domain"], flags: NO_FLAGS, suggestion: null };
  }
  const disposable = !address.isLiteral && isDisposable(address.domain, options.disposable, options.disposableAllow);
  const suggested = address.isLiteral ? null : suggestDomain(address.domain);
  return {
    address,
    reasons: disposable ? ["disposable"] : [],
    flags: {
      disposable,
      role: isRoleAccount(address.local),
      free: !address.isLiteral && isFreeProvider(address.domain),
      gibberish: isGibberish(address.local),
    },
    suggestion: suggested === null ? null : `${address.local}@${suggested}`,
  };
}
