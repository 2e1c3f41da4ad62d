/**
 * Characters no address may carry, in whichever part: controls, format characters (bidi
 * overrides, zero-width spaces), lone surrogates, private-use and unassigned code points,
 * line and paragraph separators, and every space but the ASCII one (which the quoted-string
 * rules judge). A single character class, so testing it is linear and never backtracks.
 */
const UNSAFE_CHARACTER = /[\p{C}\p{Zl}\p{Zp}]|[^\P{Zs} ]/u;

/**
 * Whether text holds a character that would be invisible, ambiguous or unroutable in an address.
 *
 * @example
 * hasUnsafeCharacter("ñoño"); // false
 * hasUnsafeCharacter("a\u200Bb"); // true (zero-width space)
 */
export function hasUnsafeCharacter(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

/**
 * The length of text in UTF-8 octets, which is what the RFC 5321 length limits count.
 *
 * @example
 * utf8Length("ab"); // 2
 * utf8Length("用户"); // 6
 */
export function utf8Length(text: string): number {
  let octets = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A surrogate pair is 2 UTF-16 units and 4 octets, so each half adds one more.
    if (code >= 0xd800 && code <= 0xdfff) octets += 1;
    else if (code >= 0x800) octets += 2;
    else if (code >= 0x80) octets += 1;
  }
  return octets;
}
