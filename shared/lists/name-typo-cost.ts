import { typoDistance } from "./edit-distance";

/** A name compared in the typo search, with the set of its characters for the O(1) filter. */
export interface TypoName {
  text: string;
  characters: number;
}

/**
 * A name with its character set: one bit per letter, digits, `-`, `.` and the rest sharing a bit
 * each. A character on one side only costs at least one edit, which rejects most pairs in O(1).
 *
 * @example
 * typoName("ab-1").characters === (0b11 | (1 << 26) | (1 << 27)); // true
 */
export function typoName(text: string): TypoName {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 97 && code <= 122) bits |= 1 << (code - 97);
    else if (code >= 48 && code <= 57) bits |= 1 << 26;
    else bits |= 1 << (code === 45 ? 27 : code === 46 ? 28 : 29);
  }
  return { text, characters: bits };
}

function countBits(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/**
 * Whether `typed` is `intended` with its second and third characters swapped (`mial`). Swaps
 * at the edges of a short name make names and words (`sian` for `sina`, `mali` for `mail`).
 */
function isInnerSwap(typed: string, intended: string): boolean {
  if (typed.length !== intended.length || typed[0] !== intended[0] || typed[1] === typed[2]) return false;
  return typed[1] === intended[2] && typed[2] === intended[1] && typed.slice(3) === intended.slice(3);
}

/** Whether `longer` is `shorter` with one character doubled (`maill` for `mail`). */
function isDoubling(longer: string, shorter: string): boolean {
  if (longer.length !== shorter.length + 1) return false;
  for (let at = 1; at < longer.length; at++) {
    if (longer[at] === longer[at - 1] && longer.slice(0, at) + longer.slice(at + 1) === shorter) return true;
  }
  return false;
}

/** Whether both names start alike, allowing the first two letters swapped (`mgail`). */
function startsAlike(typed: string, intended: string): boolean {
  return typed[0] === intended[0] || (typed[0] === intended[1] && typed[1] === intended[0]);
}

/**
 * What it costs to have typed one name for another, or null when the two are too far apart to
 * call it a typo. Real domains crowd around the popular names (`aver` by `naver`, `xmail` by
 * `foxmail`, `joymail` by `hotmail`), so the rules are narrow:
 * - up to three letters, every edit lands on another real domain (`qq`, `q`, `aol`, `ao`): none;
 * - four letters: an inner swap or a doubled letter only (`mial`, `maill` for `mail`, never
 *   `nail` or `mali`);
 * - five to nine: one cheap edit (see `typoDistance`), the first letter kept: people rarely
 *   miss the first letter, and a changed one usually makes another word;
 * - ten or more: two cheap edits, the first letter kept.
 *
 * @example
 * nameTypoCost(typoName("gmial"), typoName("gmail")); // 1
 * nameTypoCost(typoName("nail"), typoName("mail")); // null
 */
export function nameTypoCost(typed: TypoName, intended: TypoName): number | null {
  const name = typed.text;
  const target = intended.text;
  if (name === target) return 0;
  const length = target.length;
  if (length <= 3) return null;
  if (length === 4) return isInnerSwap(name, target) || isDoubling(name, target) || isDoubling(target, name) ? 1 : null;
  if (!startsAlike(name, target)) return null;
  const max = length < 10 ? 1 : 2;
  const onOneSideOnly = Math.max(countBits(typed.characters & ~intended.characters), countBits(intended.characters & ~typed.characters));
  if (onOneSideOnly > max) return null;
  const distance = typoDistance(name, target, max);
  return distance <= max ? distance : null;
}
