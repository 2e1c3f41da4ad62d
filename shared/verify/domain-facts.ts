import { isReservedDomain } from "../address/reserved";
import { type DomainList, isDisposable } from "../lists/disposable";
import { isFreeProvider } from "../lists/free";
import { suggestDomain } from "../lists/typo";

/** What the reserved names and the lists say about a domain: the same for every address at it. */
export interface DomainFacts {
  /** Reserved or special-use (RFC 2606, RFC 6761, …): no mailbox can exist there. */
  reserved: boolean;
  disposable: boolean;
  free: boolean;
  suggestedDomain: string | null;
}

/**
 * Past this many domains a memo starts afresh: a bound on memory that still keeps the few
 * thousand domains that make up nearly all of any real list.
 */
const MAX_MEMO_ENTRIES = 20_000;

const DEFAULT_LISTS = {};
const memos = new WeakMap<object, WeakMap<object, Map<string, DomainFacts>>>();

function memoFor(blocklist: DomainList | undefined, allowlist: DomainList | undefined): Map<string, DomainFacts> {
  let byAllowlist = memos.get(blocklist ?? DEFAULT_LISTS);
  if (!byAllowlist) memos.set(blocklist ?? DEFAULT_LISTS, (byAllowlist = new WeakMap()));
  let memo = byAllowlist.get(allowlist ?? DEFAULT_LISTS);
  if (!memo) byAllowlist.set(allowlist ?? DEFAULT_LISTS, (memo = new Map()));
  return memo;
}

/**
 * The reserved, disposable, free and typo facts of a lower-cased ASCII domain, remembered per domain
 * and per pair of lists: a list of a million addresses holds a few thousand domains, so each
 * is judged once. Override lists are separate memos, so replacing a list never serves stale
 * facts.
 *
 * @example
 * domainFacts("gmial.com").suggestedDomain; // "gmail.com"
 */
export function domainFacts(domain: string, blocklist?: DomainList, allowlist?: DomainList): DomainFacts {
  const memo = memoFor(blocklist, allowlist);
  let facts = memo.get(domain);
  if (facts === undefined) {
    if (memo.size >= MAX_MEMO_ENTRIES) memo.clear();
    facts = {
      reserved: isReservedDomain(domain),
      disposable: isDisposable(domain, blocklist, allowlist),
      free: isFreeProvider(domain),
      suggestedDomain: suggestDomain(domain),
    };
    memo.set(domain, facts);
  }
  return facts;
}
