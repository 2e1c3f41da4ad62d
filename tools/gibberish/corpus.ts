/**
 * The real-looking local parts of one split, by category: a language group of names, the
 * generated pinyin and romaji names, the humannames list, and English words and handles.
 * Every name and word is assigned to one split by its own hash, so held-out local parts are
 * made only of names and words the model never saw.
 */
import { pinyinGivenName, romajiName } from "./generated-names";
import { type LocalPartSample, PERSON_FORMS, type Pools, WORD_FORMS, buildLocalPart } from "./local-parts";
import { LOCALES_BY_GROUP, type LanguageGroup, englishWords, fakerNames, humanNames } from "./name-sources";
import { type Random, seededRandom } from "../../shared/gibberish/random";
import { type Split, splitOf } from "./splits";

/** One category of real-looking local parts, drawn one at a time. */
export interface Category {
  readonly name: string;
  sample(random: Random): LocalPartSample;
}

/**
 * The categories of one split.
 *
 * @example
 * for (const category of categoriesOf("test")) category.sample(seededRandom(1));
 */
export function categoriesOf(split: Split): readonly Category[] {
  const inSplit = (tokens: readonly string[]): string[] => tokens.filter((token) => splitOf(token) === split);
  const words = inSplit(englishWords());
  const human = inSplit(humanNames());
  const category = (name: string, first: readonly string[], last: readonly string[]): Category => {
    const pools: Pools = { first, last, words };
    return { name, sample: (random) => buildLocalPart(random, PERSON_FORMS, pools) };
  };
  const groups = Object.keys(LOCALES_BY_GROUP) as LanguageGroup[];
  const chineseSurnames = inSplit(fakerNames("chinese").last);
  const generated = (generate: (random: Random) => string, seed: number): string[] => {
    const random = seededRandom(seed);
    return inSplit(Array.from({ length: 20_000 }, () => generate(random)));
  };
  const romaji = generated(romajiName, 0x6a70);
  const wordPools: Pools = { first: human, last: human, words };
  return [
    ...groups.map((group) => {
      const names = fakerNames(group);
      return category(group, inSplit(names.first), inSplit(names.last));
    }),
    category("pinyin (generated)", generated(pinyinGivenName, 0x7a68), chineseSurnames),
    category("romaji (generated)", romaji, romaji),
    category("humannames", human, human),
    { name: "words and handles", sample: (random) => buildLocalPart(random, WORD_FORMS, wordPools) },
  ];
}
