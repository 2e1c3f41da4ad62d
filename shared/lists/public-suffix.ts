/**
 * Second-level labels that registries put under a two-letter country code for everyone to
 * register beneath (`co.uk`, `com.br`, `ne.jp`, `edu.pl`). Shipping the whole Public Suffix
 * List would cost about 100 KB in every Worker; these few labels cover the suffixes that mail
 * domains actually use, and a miss only means a two-label suffix is taken for a registrable name.
 */
const GENERIC_SECOND_LEVEL_LABELS = new Set(["ac", "co", "com", "edu", "go", "gob", "gov", "gv", "ltd", "mil", "ne", "net", "nom", "or", "org", "plc", "sch"]);

/**
 * How many trailing labels form the public suffix: 2 for a generic second level under a country
 * code (`co.uk`), else 1 (`com`, `de`).
 *
 * @example
 * publicSuffixLabelCount(["yahoo", "co", "jp"]); // 2
 * publicSuffixLabelCount(["i", "softbank", "jp"]); // 1
 */
export function publicSuffixLabelCount(labels: readonly string[]): 1 | 2 {
  const count = labels.length;
  if (count < 3) return 1;
  const topLevel = labels[count - 1]!;
  return topLevel.length === 2 && GENERIC_SECOND_LEVEL_LABELS.has(labels[count - 2]!) ? 2 : 1;
}

/**
 * Whether a domain is nothing but a public suffix (`com`, `co.uk`), which no list entry may
 * stand for: an entry `co.uk` would otherwise cover every British company.
 *
 * @example
 * isBarePublicSuffix("co.uk"); // true
 * isBarePublicSuffix("web.de"); // false
 */
export function isBarePublicSuffix(domain: string): boolean {
  const labels = domain.split(".");
  if (labels.length === 1) return true;
  return labels.length === 2 && publicSuffixLabelCount(["", ...labels]) === 2;
}
