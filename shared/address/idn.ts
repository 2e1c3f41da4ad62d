import { toASCII, toUnicode } from "tr46";
import { isIdna2008Label } from "./idna2008";
import type { SyntaxProblem } from "./problems";

/**
 * UTS #46 non-transitional processing with every IDNA2008 check it offers. Lengths are left to
 * scanDomainName, which names the limit that was broken.
 */
const UTS46_OPTIONS = {
  checkHyphens: true,
  checkBidi: true,
  checkJoiners: true,
  useSTD3ASCIIRules: true,
  transitionalProcessing: false,
} as const;

/** The two forms of a valid internationalized domain name. */
export interface IdnaForms {
  /** A-labels, as DNS and SMTP without SMTPUTF8 need it. */
  ascii: string;
  /** U-labels, for display. */
  unicode: string;
}

/**
 * Converts a lower-cased domain name that holds U-labels or A-labels to both forms, or names
 * the problem. UTS #46 would also map look-alikes (full-width letters, `。`, compatibility
 * characters, ignored code points) to plain ones; IDNA2008 does not, so we accept a label only
 * when UTS #46 returns it unchanged, and an A-label only when it is the one its U-label encodes
 * to (which catches upper-case and other non-canonical Punycode).
 *
 * @example
 * toIdnaForms("bücher.de");        // { ascii: "xn--bcher-kva.de", unicode: "bücher.de" }
 * toIdnaForms("xn--bcher-kva.de"); // the same
 * toIdnaForms("ｇｍａｉｌ.com");    // "idn_mapping"
 */
export function toIdnaForms(lowered: string): IdnaForms | SyntaxProblem {
  let forms = recentForms.get(lowered);
  if (forms === undefined) {
    if (recentForms.size >= RECENT_FORMS_LIMIT) recentForms.clear();
    forms = convert(lowered);
    recentForms.set(lowered, forms);
  }
  return forms;
}

/**
 * Recent conversions. Address lists repeat their domains, and a pass through tr46 costs
 * microseconds where the rest of parseAddress costs a fraction of one. Clearing when full
 * bounds the memory without the bookkeeping of an LRU.
 */
const recentForms = new Map<string, IdnaForms | SyntaxProblem>();
const RECENT_FORMS_LIMIT = 512;

function convert(lowered: string): IdnaForms | SyntaxProblem {
  const ascii = toASCII(lowered, UTS46_OPTIONS);
  if (ascii === null) return "idn_invalid";
  const unicode = toUnicode(ascii, UTS46_OPTIONS).domain;
  // UTS #46 also normalizes to NFC; text that differs only in that is the same name.
  const givenLabels = lowered.normalize("NFC").split(".");
  const asciiLabels = ascii.split(".");
  const unicodeLabels = unicode.split(".");
  if (givenLabels.length !== asciiLabels.length) return "idn_mapping";
  for (let i = 0; i < givenLabels.length; i++) {
    const given = givenLabels[i]!;
    const isALabel = given.startsWith("xn--");
    if (isALabel && given !== asciiLabels[i]) return "idn_invalid";
    if (!isALabel && given !== unicodeLabels[i]) return "idn_mapping";
    if (!isIdna2008Label(unicodeLabels[i]!)) return "idn_invalid";
  }
  // Frozen, since later calls for the same name share it.
  return Object.freeze({ ascii, unicode });
}
