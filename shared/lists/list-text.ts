import { normalizeListEntry } from "./list-entry";

/**
 * The domains of a list in its text form: one domain per line, `#` starting a comment that
 * runs to the end of the line, blank lines ignored, any case, IDN entries in U-labels or
 * A-labels. Entries that are not valid domains are skipped, so a bad line in an override list
 * costs that line, not the list. Duplicates are dropped; the first occurrence keeps its place.
 *
 * @example
 * parseDomainListText("# disposable\nMailinator.com\nbücher.de  # an IDN\n\n");
 * // ["mailinator.com", "xn--bcher-kva.de"]
 */
export function parseDomainListText(text: string): string[] {
  const domains = new Set<string>();
  for (const line of text.split(/\r\n|\r|\n/)) {
    const comment = line.indexOf("#");
    const entry = comment === -1 ? line : line.slice(0, comment);
    if (entry.trim() === "") continue;
    const domain = normalizeListEntry(entry);
    if (domain !== null) domains.add(domain);
  }
  return [...domains];
}

/**
 * The text form of normalized domains, one per line, which `parseDomainListText` reads back
 * unchanged.
 *
 * @example
 * formatDomainListText(["mailinator.com", "yopmail.com"]); // "mailinator.com\nyopmail.com"
 */
export function formatDomainListText(domains: readonly string[]): string {
  return domains.join("\n");
}
