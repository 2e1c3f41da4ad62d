import { FREE_PROVIDERS_TEXT } from "./bundled/free-providers";
import { DomainList } from "./domain-list";

const FREE_PROVIDERS = DomainList.fromNormalizedText(FREE_PROVIDERS_TEXT);

/**
 * Whether a domain is a consumer mailbox provider (free webmail or an ISP's mail) rather than
 * an organization's own domain. Matches the exact domain: a subdomain of a provider is not where
 * its users' mailboxes live. Takes the lower-cased ASCII domain.
 *
 * @example
 * isFreeProvider("yahoo.co.jp"); // true
 * isFreeProvider("example.com"); // false
 */
export function isFreeProvider(domain: string): boolean {
  return FREE_PROVIDERS.has(domain);
}
