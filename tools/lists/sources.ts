import disposableBlocklist from "disposable-email-domains-js/dist/dict/disposable_email_blocklist.json" with { type: "json" };
import disposablePackage from "disposable-email-domains-js/package.json" with { type: "json" };
import freeProviders from "email-providers/all.json" with { type: "json" };
import freePackage from "email-providers/package.json" with { type: "json" };
import roleNames from "role-based-email-addresses";
import rolePackage from "role-based-email-addresses/package.json" with { type: "json" };

/** One list as a package ships it. */
export interface ListSource {
  package: string;
  version: string;
  entries: readonly string[];
}

/**
 * The packages the bundled lists come from, read at generation time only: the runtime imports
 * the generated text, never these (see generate.ts).
 */
export const LIST_SOURCES = {
  /** The community list behind github.com/disposable-email-domains, strict about false positives. */
  disposableBlocklist: { package: disposablePackage.name, version: disposablePackage.version, entries: disposableBlocklist },
  /** goware/emailproviders, as published by derhuerst: free webmail and ISP mail domains. */
  freeProviders: { package: freePackage.name, version: freePackage.version, entries: freeProviders },
  /** Mixmax's role prefixes, in English, Spanish, Portuguese, German, French and more. */
  roleNames: { package: rolePackage.name, version: rolePackage.version, entries: roleNames },
} satisfies Record<string, ListSource>;
