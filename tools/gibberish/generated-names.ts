/**
 * Names generated from syllable inventories, for the languages whose romanized names no
 * package lists: Mandarin given names in pinyin and Japanese names in Hepburn romaji.
 *
 * - pinyin-split 1.170.0 (ISC) ships the 413 pinyin syllables.
 * - wanakana 5.3.1 (MIT) romanizes kana as Hepburn (with っ doubling and ん before vowels).
 * Syllables are drawn uniformly, so rare ones come up far more than in real names: a harder
 * test than real names are.
 */
import pinyinSyllables from "pinyin-split/lib/esm/syllables.js";
import { toRomaji } from "wanakana";
import { toLocalPartLetters } from "./name-sources";
import type { Random } from "../../shared/gibberish/random";

const PINYIN_SYLLABLES: readonly string[] = pinyinSyllables.map(toLocalPartLetters);

/**
 * A Mandarin given name of one or two syllables ("wei", "xiaoming").
 *
 * @example
 * pinyinGivenName(seededRandom(3)); // e.g. "jianguo"
 */
export function pinyinGivenName(random: Random): string {
  const syllables = random.next() < 0.3 ? 1 : 2;
  let name = "";
  for (let i = 0; i < syllables; i++) name += random.pick(PINYIN_SYLLABLES);
  return name;
}

const PLAIN_MORAE = [..."あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわ"];
const VOICED_MORAE = [..."がぎぐげござじずぜぞだでどばびぶべぼぱぴぷぺぽ"];
const CONTRACTED_MORAE = [..."きしちにひみりぎじびぴ"].flatMap((kana) => [..."ゃゅょ"].map((small) => kana + small));
const MORAE = [...PLAIN_MORAE, ...PLAIN_MORAE, ...VOICED_MORAE, ...CONTRACTED_MORAE];
/** Morae that a small っ can double: Japanese doubles only k, s, t and p. */
const GEMINABLE_MORAE = [..."かきくけこさしすせそたちつてとぱぴぷぺぽ"];

/**
 * A Japanese given or family name of two to four morae, with an occasional ん or doubled
 * consonant, in romaji ("tanaka", "kenichi", "hattori").
 *
 * @example
 * romajiName(seededRandom(5)); // e.g. "yoshimura"
 */
export function romajiName(random: Random): string {
  const morae = random.int(2, 4);
  let kana = "";
  for (let i = 0; i < morae; i++) {
    if (i > 0 && random.next() < 0.12) kana += "ん";
    if (i > 0 && random.next() < 0.05) kana += `っ${random.pick(GEMINABLE_MORAE)}`;
    else kana += random.pick(MORAE);
  }
  return toLocalPartLetters(toRomaji(kana));
}
