import { toASCII } from "tr46";
import { isBarePublicSuffix } from "./public-suffix";

const MAX_DOMAIN_LENGTH = 253;

/** Letters, digits and inner hyphens, 1 to 63 characters: an LDH label (RFC 5890). */
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Anything outside printable ASCII, or an A-label that tr46 must check and keep canonical. */
const NEEDS_IDNA = /[^\x21-\x7e]|xn--/;

/**
 * Lenient UTS #46: a list maintainer's `Bücher.de` or full-width `ｍａｉｌ.com` means the domain
 * it maps to, unlike an address typed by a user, which the address module checks strictly.
 */
const LIST_UTS46_OPTIONS = {
  checkHyphens: true,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
  verifyDNSLength: true,
} as const;

/**
 * The lower-cased A-label form of one list entry, or null when it is not a domain a list may
 * hold: invalid, a single label, or a bare public suffix such as `co.uk`. A trailing root dot
 * is dropped.
 *
 * @example
 * normalizeListEntry(" Mailinator.COM. "); // "mailinator.com"
 * normalizeListEntry("bücher.de"); // "xn--bcher-kva.de"
 * normalizeListEntry("co.uk"); // null
 */
export function normalizeListEntry(entry: string): string | null {
  const trimmed = entry.trim().toLowerCase().replace(/\.$/, "");
  const ascii = NEEDS_IDNA.test(trimmed) ? toASCII(trimmed, LIST_UTS46_OPTIONS) : trimmed;
  if (ascii === null || ascii.length > MAX_DOMAIN_LENGTH || isBarePublicSuffix(ascii)) return null;
  return ascii.split(".").every((label) => LDH_LABEL.test(label)) ? ascii : null;
}
