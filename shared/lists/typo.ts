import { isFreeProvider } from "./free";
import { closestPopularDomain } from "./popular-typo";
import { withNonexistentTldFixed } from "./tld-typos";

/**
 * The domain the user most likely meant, when the given one looks like a typo of a popular
 * mail domain or has a top-level domain that does not exist; null otherwise. Conservative by
 * design: a known provider (popular or free) is never corrected, short names must match
 * exactly, and a tie between two candidates gives no suggestion. Registered typos that the
 * disposable list holds (`gmial.com`) are still corrected: the suggestion never changes the
 * verdict, it only tells the user what they meant. Takes the lower-cased ASCII domain.
 *
 * @example
 * suggestDomain("gmial.com"); // "gmail.com"
 * suggestDomain("yahooo.co.jp"); // "yahoo.co.jp"
 * suggestDomain("acme.con"); // "acme.com"
 * suggestDomain("gmx.com"); // null: real, though near gmx.de
 */
export function suggestDomain(domain: string): string | null {
  if (isFreeProvider(domain)) return null;
  return closestPopularDomain(domain) ?? withNonexistentTldFixed(domain);
}
