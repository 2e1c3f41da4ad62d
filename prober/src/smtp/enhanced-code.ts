/**
 * RFC 3463 enhanced status codes (`class.subject.detail`, e.g. `5.1.1`). RFC 2034 puts the code
 * right after the basic code on every line, but real servers also write it inside the text
 * (`#5.1.0 Address rejected`, `(#5.7.1)`, `- 5.7.1 [BL23]`), so both places are read.
 */

const LEADING_CODE = /^([245])\.(\d{1,3})\.(\d{1,3})(?: |$)/;
// Not part of a longer dotted number: IPs (10.4.5.6) and versions (4.16.55.1) are not codes.
const CODE_IN_TEXT = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)/g;

/** The class digit of a basic reply code: 2, 4 or 5 (other values never match a code). */
function classDigit(basicCode: number): string {
  return String(Math.trunc(basicCode / 100));
}

/**
 * Splits the enhanced code off the start of a reply line, when its class agrees with the basic
 * code (RFC 2034 requires it to).
 *
 * @example
 * splitLeadingCode("5.1.1 User unknown", 550); // { enhanced: "5.1.1", text: "User unknown" }
 * splitLeadingCode("5.1.1 User unknown", 250); // { enhanced: null, text: "5.1.1 User unknown" }
 */
export function splitLeadingCode(line: string, basicCode: number): { enhanced: string | null; text: string } {
  const match = LEADING_CODE.exec(line);
  if (!match || match[1] !== classDigit(basicCode)) return { enhanced: null, text: line };
  return { enhanced: `${match[1]}.${Number(match[2])}.${Number(match[3])}`, text: line.slice(match[0].length) };
}

/**
 * The first enhanced code written anywhere in a reply's text whose class agrees with the basic
 * code, or null.
 *
 * @example
 * findCodeInText("sorry, no mailbox here by that name (#5.1.1 - chkuser)", 511); // "5.1.1"
 * findCodeInText("Mailbox not found. IP: 198.51.100.1", 550); // null
 */
export function findCodeInText(text: string, basicCode: number): string | null {
  for (const match of text.matchAll(CODE_IN_TEXT)) {
    if (match[1] === classDigit(basicCode)) return `${match[1]}.${Number(match[2])}.${Number(match[3])}`;
  }
  return null;
}
