import type { SyntaxProblem } from "./problems";
import { hasUnsafeCharacter, utf8Length } from "./unicode-text";

/** RFC 5321 §4.5.3.1.1: at most 64 octets before the @. */
const MAX_LOCAL_PART_OCTETS = 64;

const DOT = 0x2e;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** RFC 5322 atext, the ASCII characters a dot-atom may hold besides the dot: 1 = allowed. */
const ATEXT = new Uint8Array(128);
for (const char of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~") {
  ATEXT[char.charCodeAt(0)] = 1;
}

/** A combining mark needs a base character; at the start of the local part it has none. */
const LEADING_COMBINING_MARK = /^"?\p{M}/u;

/** What the checks learned about a valid local part. */
export interface LocalPart {
  /** The local part in NFC, the form RFC 6532 §3.1 says to send, and the one to compare. */
  nfc: string;
  /** Its length in UTF-8 octets: the larger of the given and the NFC form, since both must fit. */
  octets: number;
  /** Its NFC form has non-ASCII characters, so it needs SMTPUTF8 (RFC 6531). */
  smtputf8: boolean;
}

/**
 * Checks the part before the @: an RFC 5321 dot-atom or quoted string, either of which may hold
 * non-ASCII characters (RFC 6531) as long as they are safe. Text not in NFC passes only when its
 * NFC form passes too, as in python-email-validator: `\u037E` (Greek question mark) is fine as
 * given, but its NFC form is ";".
 *
 * @example
 * checkLocalPart("alice.smith"); // { nfc: "alice.smith", octets: 11, smtputf8: false }
 * checkLocalPart("\"a b\"");     // { nfc: "\"a b\"", octets: 5, smtputf8: false }
 * checkLocalPart("a..b");        // "local_dots"
 */
export function checkLocalPart(local: string): LocalPart | SyntaxProblem {
  if (local.length === 0) return "empty_local";
  // A UTF-16 unit is at least one octet, so this bound holds before we count octets.
  if (local.length > MAX_LOCAL_PART_OCTETS) return "local_too_long";
  const scan = scanLocalPart(local);
  if (scan === "ascii") return { nfc: local, octets: local.length, smtputf8: false };
  if (scan !== "non_ascii") return scan;
  if (hasUnsafeCharacter(local) || LEADING_COMBINING_MARK.test(local)) return "unsafe_unicode";
  const nfc = local.normalize("NFC");
  const nfcScan = nfc === local ? scan : scanLocalPart(nfc);
  if (nfcScan !== "ascii" && nfcScan !== "non_ascii") return nfcScan;
  const octets = Math.max(utf8Length(local), utf8Length(nfc));
  return octets > MAX_LOCAL_PART_OCTETS ? "local_too_long" : { nfc, octets, smtputf8: nfcScan === "non_ascii" };
}

/** A problem, or which character set a syntactically valid local part uses. */
type LocalPartScan = SyntaxProblem | "ascii" | "non_ascii";

function scanLocalPart(local: string): LocalPartScan {
  return local.charCodeAt(0) === QUOTE ? scanQuotedString(local) : scanDotAtom(local);
}

/** RFC 5321 Dot-string: atoms of atext (or non-ASCII) joined by single dots. */
function scanDotAtom(local: string): LocalPartScan {
  let nonAscii = false;
  const last = local.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = local.charCodeAt(i);
    if (code === DOT) {
      if (i === 0 || i === last || local.charCodeAt(i - 1) === DOT) return "local_dots";
    } else if (code >= 0x80) {
      nonAscii = true;
    } else if (ATEXT[code] === 0) {
      return "local_character";
    }
  }
  return nonAscii ? "non_ascii" : "ascii";
}

/**
 * RFC 5321 Quoted-string: qtextSMTP (printable ASCII but `"` and `\`, plus non-ASCII under
 * RFC 6531) and quoted-pairSMTP (`\` before printable ASCII only). RFC 5322's obsolete controls
 * and folding white space are refused.
 */
function scanQuotedString(local: string): LocalPartScan {
  const closing = local.length - 1;
  if (closing === 0 || local.charCodeAt(closing) !== QUOTE) return "quoted_string";
  let nonAscii = false;
  for (let i = 1; i < closing; i++) {
    const code = local.charCodeAt(i);
    if (code === BACKSLASH) {
      i++;
      const escaped = local.charCodeAt(i);
      // Escaping the closing quote leaves the string unterminated.
      if (i === closing || escaped < 0x20 || escaped > 0x7e) return "quoted_string";
    } else if (code >= 0x80) {
      nonAscii = true;
    } else if (code < 0x20 || code === 0x7f || code === QUOTE) {
      return "quoted_string";
    }
  }
  return nonAscii ? "non_ascii" : "ascii";
}
