/**
 * What IDNA2008 (RFC 5891-5893) asks of a U-label beyond what UTS #46 processing with
 * CheckHyphens, CheckBidi, CheckJoiners and STD3 rules already checks. UTS #46 accepts symbols
 * and punctuation that IDNA2008 disallows (`☃`, `😀`, `〱`), and has no CONTEXTO rules.
 *
 * Unassigned code points and those NFKC_Casefold would change ("Unstable", RFC 5892 §2.2) need
 * no check here: UTS #46 disallows or maps them, and a mapping fails our round-trip comparison.
 */

/**
 * Not PVALID by derivation: outside LetterDigits (RFC 5892 §2.1: Ll Lo Lm Mn Mc Nd) and LDH,
 * and not one of the PVALID/CONTEXTO exceptions (§2.6: ß ς ۽ ۾ ་ 〇, and · ͵ ׳ ״ ・), nor a
 * CONTEXTJ joiner, which UTS #46 CheckJoiners judges.
 */
const OUTSIDE_LETTER_DIGITS = /[^a-z0-9\-\p{Ll}\p{Lo}\p{Lm}\p{Mn}\p{Mc}\p{Nd}\u00DF\u03C2\u06FD\u06FE\u0F0B\u3007\u00B7\u0375\u05F3\u05F4\u30FB\u200C\u200D]/u;

/**
 * LetterDigits that IDNA2008 still disallows: the DISALLOWED exceptions (§2.6), the
 * IgnorableProperties (§2.3) but the joiners, IgnorableBlocks (§2.4: combining marks for
 * symbols, musical notation) and OldHangulJamo (§2.9).
 */
const EXCLUDED_LETTER_DIGITS =
  /[\u0640\u07FA\u302E\u302F\u3031-\u3035\u303B\u20D0-\u20FF\u{1D100}-\u{1D24F}\u1100-\u11FF\uA960-\uA97C\uD7B0-\uD7C6\uD7CB-\uD7FB\p{White_Space}]|[^\P{Default_Ignorable_Code_Point}\u200C\u200D]/u;

/** RFC 5892 Appendix A.3-A.9: the CONTEXTO rules, each written as the context that breaks it. */
const CONTEXTO_VIOLATION = /(?<!l)\u00B7|\u00B7(?!l)|\u0375(?!\p{Script=Greek})|(?<!\p{Script=Hebrew})[\u05F3\u05F4]/u;
const KATAKANA_MIDDLE_DOT = /\u30FB/u;
const HIRAGANA_KATAKANA_OR_HAN = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669]/u;
const EXTENDED_ARABIC_INDIC_DIGIT = /[\u06F0-\u06F9]/u;

/**
 * Whether a label that UTS #46 accepted is also valid under IDNA2008: every code point PVALID,
 * or CONTEXTO in a context that allows it.
 *
 * @example
 * isIdna2008Label("bücher"); // true
 * isIdna2008Label("☃");      // false (a symbol: valid in UTS #46, DISALLOWED in IDNA2008)
 * isIdna2008Label("a·b");    // false (a middle dot belongs between two l's, as in Catalan "l·l")
 */
export function isIdna2008Label(label: string): boolean {
  if (OUTSIDE_LETTER_DIGITS.test(label) || EXCLUDED_LETTER_DIGITS.test(label)) return false;
  if (CONTEXTO_VIOLATION.test(label)) return false;
  if (KATAKANA_MIDDLE_DOT.test(label) && !HIRAGANA_KATAKANA_OR_HAN.test(label)) return false;
  return !(ARABIC_INDIC_DIGIT.test(label) && EXTENDED_ARABIC_INDIC_DIGIT.test(label));
}
