/**
 * Finds e-mail addresses in free text in one pass: from each `@`, a bounded walk left over
 * local-part characters and right over domain characters. A regular expression scanning for
 * `local@domain` from every position takes quadratic time on a long line without spaces, which
 * a hostile bounce can send.
 */

const LOCAL_MAX = 64;
const DOMAIN_MAX = 255;
/** Characters that end a local part when walking left: space, brackets, quotes, separators, "@". */
const NOT_LOCAL = /[\s<>()[\]"',;:@]/;
/** Domain characters: ASCII letters, digits, dots, hyphens, and any non-ASCII (IDN) letter. */
const DOMAIN_CHAR = /[a-z0-9.\-\u0080-\uffff]/i;
const DOMAIN_SHAPE = /^[^.-][^@]*\.[a-z\u0080-\uffff]{2,}$/i;

export interface AddressAt {
  address: string;
  /** Where the address starts in the text. */
  index: number;
}

/**
 * Every address in the text, in order, with where it starts.
 *
 * @example
 * addressesIn("<a@example.org>: User unknown; b@example.net."); // [{ address: "a@example.org", index: 1 }, { address: "b@example.net", index: 31 }]
 */
export function addressesIn(text: string): AddressAt[] {
  const found: AddressAt[] = [];
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && at - start < LOCAL_MAX && !NOT_LOCAL.test(text[start - 1]!)) start--;
    let end = at + 1;
    while (end < text.length && end - at <= DOMAIN_MAX && DOMAIN_CHAR.test(text[end]!)) end++;
    const domain = text.slice(at + 1, end).replace(/[.-]+$/, "");
    if (start === at || !DOMAIN_SHAPE.test(domain)) continue;
    found.push({ address: `${text.slice(start, at)}@${domain}`, index: start });
  }
  return found;
}
