import { formatDomainListText, parseDomainListText } from "../../shared/lists/list-text";
import { POPULAR_MAIL_DOMAINS } from "../../shared/lists/popular-domains";
import { roleKey } from "../../shared/lists/role";
import type { LIST_SOURCES } from "./sources";

/**
 * Role names in the package that are also common given names or surnames: `sydney@` or
 * `gardner@` is far more often a person than a Sydney office.
 */
const PERSON_NAMES = new Set(["alexa", "denver", "gardner", "india", "paris", "sydney"]);

/**
 * Registered typos of popular domains that the free-provider package lists. They catch mistyped
 * mail; nobody signs up there, and on the free list they would stop `suggestDomain` from
 * correcting them. Reviewed by hand among the entries the typo search would correct: the others
 * (`y7mail.com` is Yahoo!7's; `edmail.com`, `ehmail.com`, `emil.com`, `prontomail.com`,
 * `proto2mail.com` may be real) stay free and are never corrected.
 */
const REGISTERED_TYPOS = new Set([
  "duam.net",
  "e-mail.com",
  "gamil.com",
  "gmai.com",
  "gmail.co",
  "gmail.om",
  "gmal.com",
  "gmial.com",
  "homail.com",
  "hotmai.com",
  "hotmail.cm",
  "hotmail.con",
  "hotmails.com",
  "hotmial.com",
  "liberto.it",
  "netsero.net",
  "yaho.com",
  "yahoo.om",
  "ymail4.com",
]);

/** The three bundled lists in the form the runtime splits on first use. */
export interface BundledTexts {
  disposableBlocklist: string;
  freeProviders: string;
  roleLocalParts: string;
}

function normalizedDomains(entries: readonly string[]): string[] {
  return parseDomainListText(entries.join("\n")).sort();
}

/**
 * The bundled lists, normalized once here so the runtime only splits them: domains lower-cased,
 * in A-labels and deduplicated, role names reduced to their `roleKey`. The free list gains the
 * popular domains and loses the registered typos of them.
 *
 * @example
 * buildBundledTexts(LIST_SOURCES).roleLocalParts.split("\n").includes("noreply"); // true
 */
export function buildBundledTexts(sources: typeof LIST_SOURCES): BundledTexts {
  const freeProviders = normalizedDomains([...sources.freeProviders.entries, ...POPULAR_MAIL_DOMAINS]);
  const roleKeys = new Set(sources.roleNames.entries.map(roleKey).filter((key) => !PERSON_NAMES.has(key)));
  return {
    disposableBlocklist: formatDomainListText(normalizedDomains(sources.disposableBlocklist.entries)),
    freeProviders: formatDomainListText(freeProviders.filter((domain) => !REGISTERED_TYPOS.has(domain))),
    roleLocalParts: [...roleKeys].sort().join("\n"),
  };
}
