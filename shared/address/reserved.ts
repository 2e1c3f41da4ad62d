/**
 * Special-use top-level domains that can never hold a deliverable mailbox: RFC 2606 / RFC 6761
 * (`test`, `example`, `invalid`, `localhost`), RFC 6762 (`local`, mDNS), RFC 7686 (`onion`),
 * RFC 9476 (`alt`), and `arpa`, which holds only infrastructure names (RFC 8375 `home.arpa`,
 * reverse DNS).
 */
const SPECIAL_USE_TLDS = new Set(["test", "example", "invalid", "localhost", "local", "onion", "arpa", "alt"]);

/** RFC 2606 §3: second-level names reserved for documentation. */
const DOCUMENTATION_DOMAINS = new Set(["example.com", "example.net", "example.org"]);

/**
 * Whether a domain (ASCII form, as ParsedAddress.domain) is under a special-use TLD.
 *
 * @example
 * isSpecialUseDomain("printer.local"); // true
 * isSpecialUseDomain("example.com");   // false
 */
export function isSpecialUseDomain(asciiDomain: string): boolean {
  return SPECIAL_USE_TLDS.has(asciiDomain.slice(asciiDomain.lastIndexOf(".") + 1).toLowerCase());
}

/**
 * Whether a domain (ASCII form, as ParsedAddress.domain) is reserved: under a special-use TLD,
 * or one of the documentation domains or below it. Kept apart from parseAddress because such
 * addresses are syntactically fine and a test setting may allow them; the pipeline maps them to
 * undeliverable/invalid_domain.
 *
 * @example
 * isReservedDomain("mail.example.com"); // true
 * isReservedDomain("printer.local");    // true
 * isReservedDomain("example.co.uk");    // false
 */
export function isReservedDomain(asciiDomain: string): boolean {
  if (isSpecialUseDomain(asciiDomain)) return true;
  const domain = asciiDomain.toLowerCase();
  const registeredStart = domain.lastIndexOf(".", domain.lastIndexOf(".") - 1) + 1;
  return DOCUMENTATION_DOMAINS.has(domain.slice(registeredStart));
}
