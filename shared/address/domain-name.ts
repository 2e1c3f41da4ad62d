import type { SyntaxProblem } from "./problems";

/** RFC 1035 §2.3.4, counted on the ASCII (A-label) form. */
const MAX_LABEL_OCTETS = 63;
/** RFC 1035's 255 octets on the wire leave 253 characters in text form. */
const MAX_DOMAIN_OCTETS = 253;
/**
 * An A-label is at least "xn--" plus one character per code point, and a code point is at most
 * two UTF-16 units, so a longer U-label can never fit in 63 octets. Refusing it here also keeps
 * long labels away from tr46, some of whose checks grow with the square of a label's length.
 */
const MAX_U_LABEL_UNITS = 2 * (MAX_LABEL_OCTETS - "xn--".length);

const DOT = 0x2e;
const HYPHEN = 0x2d;

/** A problem, or whether the domain can be used as it is or must go through IDNA first. */
export type DomainNameScan = SyntaxProblem | "ascii" | "needs_idna";

/**
 * One pass over a lower-cased domain name that checks everything that can be checked on
 * its ASCII characters: LDH labels of 1-63 octets with no hyphen at either end and no reserved
 * `??--` tag, at least two labels, a TLD of 2+ letters, 253 octets in all. Labels that are
 * (or may be) internationalized are left to IDNA: non-ASCII ones, whose lengths only count once
 * converted (but for a bound), and `xn--` ones. Running it again on the converted form checks
 * those lengths.
 *
 * @example
 * scanDomainName("mail.example.org"); // "ascii"
 * scanDomainName("bücher.de");        // "needs_idna"
 * scanDomainName("example.123");      // "numeric_tld"
 */
export function scanDomainName(name: string): DomainNameScan {
  if (name.length === 0) return "empty_domain";
  let needsIdna = false;
  let allAscii = true;
  let labelStart = 0;
  let labelAscii = true;
  let labelLetters = 0;
  let labelDigits = 0;
  for (let i = 0; i <= name.length; i++) {
    // The end of the name closes the last label as a dot would.
    const code = i === name.length ? DOT : name.charCodeAt(i);
    if (code === DOT) {
      const length = i - labelStart;
      if (length === 0) return "empty_label";
      if (name.charCodeAt(labelStart) === HYPHEN || name.charCodeAt(i - 1) === HYPHEN) return "label_hyphen";
      if (length > (labelAscii ? MAX_LABEL_OCTETS : MAX_U_LABEL_UNITS)) return "label_too_long";
      if (labelAscii && name.charCodeAt(labelStart + 2) === HYPHEN && name.charCodeAt(labelStart + 3) === HYPHEN) {
        if (!name.startsWith("xn", labelStart)) return "reserved_label";
        needsIdna = true;
      }
      if (i === name.length) break;
      labelStart = i + 1;
      labelAscii = true;
      labelLetters = 0;
      labelDigits = 0;
    } else if (code >= 0x80) {
      labelAscii = allAscii = false;
      needsIdna = true;
    } else if (code >= 0x61 && code <= 0x7a) {
      labelLetters++;
    } else if (code >= 0x30 && code <= 0x39) {
      labelDigits++;
    } else if (code !== HYPHEN) {
      return "domain_character";
    }
  }
  if (labelStart === 0) return "dotless_domain";
  if (labelAscii && !name.startsWith("xn--", labelStart)) {
    const length = name.length - labelStart;
    if (labelDigits === length) return "numeric_tld";
    if (labelLetters !== length || length < 2) return "tld_syntax";
  }
  if (allAscii && name.length > MAX_DOMAIN_OCTETS) return "domain_too_long";
  return needsIdna ? "needs_idna" : "ascii";
}
