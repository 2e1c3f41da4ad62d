import { DISPOSABLE_BLOCKLIST_TEXT } from "./bundled/disposable-blocklist";
import { DomainList } from "./domain-list";
import { POPULAR_MAIL_DOMAINS } from "./popular-domains";

export { DomainList } from "./domain-list";

/** The blocklist shipped in the bundle (tools/lists/generate.ts builds it from its package). */
export const BUNDLED_DISPOSABLE_BLOCKLIST = DomainList.fromNormalizedText(DISPOSABLE_BLOCKLIST_TEXT);

const NO_DOMAINS = DomainList.fromDomains([]);

/**
 * Popular providers are never disposable, whatever a list says: a wrong "disposable" on
 * gmail.com would mark millions of good addresses risky, while missing one throwaway domain
 * costs little. No override can lift this guard.
 */
const NEVER_DISPOSABLE = DomainList.fromDomains(POPULAR_MAIL_DOMAINS);

/**
 * Whether a domain (lower-cased ASCII) gives out throwaway mailboxes: it or a parent is on the
 * blocklist, and neither it nor a parent is on the allowlist or a popular provider. An allowed
 * parent wins over a blocked child, since a false "disposable" costs more than a miss. The edge
 * passes a blocklist (and an allowlist) read from KV to replace the bundled ones without a
 * redeploy; leaving them out uses the bundled blocklist and an empty allowlist.
 *
 * @example
 * isDisposable("a.b.mailinator.com"); // true
 * isDisposable("gmail.com"); // false
 * isDisposable("mailinator.com", DomainList.fromText(await env.LISTS.get("disposable") ?? "")); // per KV
 */
export function isDisposable(domain: string, blocklist: DomainList = BUNDLED_DISPOSABLE_BLOCKLIST, allowlist: DomainList = NO_DOMAINS): boolean {
  if (!blocklist.hasDomainOrParent(domain)) return false;
  return !allowlist.hasDomainOrParent(domain) && !NEVER_DISPOSABLE.hasDomainOrParent(domain);
}
