/**
 * RFC 3463 enhanced status codes (`5.1.1`) as bounces carry them: in a DSN's `Status:` field, at
 * the head of an SMTP reply, or anywhere in a plain-text bounce (`(#5.1.1)`, `- 5.7.1 [BL23]`).
 */

// Not part of a longer dotted number: IPs (10.4.5.6) and versions (4.16.55.1) are not codes.
const CODE_IN_TEXT = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![.\d])/;
const WHOLE_CODE = /^\s*([245])\.(\d{1,3})\.(\d{1,3})\s*$/;
const REPLY_CODE = /(?<![\d.-])([245]\d\d)(?=[\s:,-]|$)/;

function canonical(match: RegExpExecArray): string {
  return `${match[1]}.${Number(match[2])}.${Number(match[3])}`;
}

/**
 * The enhanced code a DSN field or a reply gives: the whole field when it is one, else the first
 * code found in the text; null when there is none.
 *
 * @example
 * findStatus("smtp; 550 5.1.1 <a@example.org>: User unknown"); // "5.1.1"
 * findStatus("Host 10.4.5.6 said: no"); // null
 */
export function findStatus(text: string | null | undefined): string | null {
  if (!text) return null;
  const whole = WHOLE_CODE.exec(text);
  if (whole) return canonical(whole);
  const found = CODE_IN_TEXT.exec(text);
  return found ? canonical(found) : null;
}

/**
 * The first basic SMTP reply code (`550`) in a diagnostic, or null.
 *
 * @example
 * findReplyCode("smtp; 550-5.1.1 The email account does not exist"); // 550
 */
export function findReplyCode(text: string | null | undefined): number | null {
  if (!text) return null;
  const found = REPLY_CODE.exec(text);
  return found ? Number(found[1]) : null;
}
