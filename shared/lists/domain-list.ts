import { normalizeListEntry } from "./list-entry";
import { parseDomainListText } from "./list-text";

/**
 * A set of domains that matches a domain and its parents. The set is built on first use, so a
 * Worker that never consults a list pays nothing for it at start-up, and a list read from KV
 * costs one parse per isolate.
 *
 * @example
 * const list = DomainList.fromText("mailinator.com\n");
 * list.hasDomainOrParent("a.b.mailinator.com"); // true
 */
export class DomainList {
  #load: (() => Iterable<string>) | undefined;
  #domains: Set<string> | undefined;

  private constructor(load: () => Iterable<string>) {
    this.#load = load;
  }

  /**
   * A list in its text form (see `parseDomainListText`), as an operator keeps it in KV.
   *
   * @example
   * DomainList.fromText("# ours\nBücher.de\n").has("xn--bcher-kva.de"); // true
   */
  static fromText(text: string): DomainList {
    return new DomainList(() => parseDomainListText(text));
  }

  /**
   * A list from domains given one by one; each is normalized as a text entry would be.
   *
   * @example
   * DomainList.fromDomains(["Gmail.com"]).has("gmail.com"); // true
   */
  static fromDomains(domains: readonly string[]): DomainList {
    return new DomainList(() => domains.map(normalizeListEntry).filter((domain) => domain !== null));
  }

  /**
   * A list whose text is already normalized, one domain per line, as the generated bundled lists
   * are: it is only split, which keeps the first lookup in a cold Worker cheap.
   *
   * @example
   * DomainList.fromNormalizedText("mailinator.com\nyopmail.com").size; // 2
   */
  static fromNormalizedText(text: string): DomainList {
    return new DomainList(() => (text === "" ? [] : text.split("\n")));
  }

  /** How many domains the list holds. */
  get size(): number {
    return this.#set().size;
  }

  /**
   * Whether the list holds exactly this lower-cased ASCII domain.
   *
   * @example
   * DomainList.fromText("mailinator.com").has("a.mailinator.com"); // false
   */
  has(domain: string): boolean {
    return this.#set().has(domain);
  }

  /**
   * Whether the list holds this lower-cased ASCII domain or any parent of it. Entries are never
   * bare public suffixes, so walking up to the top-level domain cannot match one.
   *
   * @example
   * DomainList.fromText("mailinator.com").hasDomainOrParent("a.mailinator.com"); // true
   */
  hasDomainOrParent(domain: string): boolean {
    const domains = this.#set();
    for (let candidate = domain; ; ) {
      if (domains.has(candidate)) return true;
      const dot = candidate.indexOf(".");
      if (dot === -1) return false;
      candidate = candidate.slice(dot + 1);
    }
  }

  #set(): Set<string> {
    if (this.#domains === undefined) {
      this.#domains = new Set(this.#load!());
      this.#load = undefined;
    }
    return this.#domains;
  }
}
