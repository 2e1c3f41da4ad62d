/**
 * The name and word lists the model is trained and measured on, from devDependencies: the
 * runtime module never imports this.
 *
 * - humannames 1.0.5 (MIT): ~197,000 first and last names from many countries.
 * - @faker-js/faker 10.6.0 (MIT): first and last names of its locales, grouped below by language.
 * - an-array-of-english-words 2.0.0 (MIT): ~275,000 English words.
 * Names in other scripts are romanized by any-ascii 0.3.3 (ISC): Chinese to pinyin, Korean to
 * Revised Romanization, Cyrillic, Greek, Armenian and Georgian to Latin. Locales whose
 * romanization loses the vowels (Arabic, Persian, Hebrew, Devanagari, Thai) are left out, and
 * Japanese, whose faker names are in kanji, comes from generated romaji instead.
 */
import { allLocales, type LocaleDefinition } from "@faker-js/faker";
import englishWordList from "an-array-of-english-words";
import anyAscii from "any-ascii";
import humannamesByName from "humannames";

/** Faker locales by the language group they are measured as. */
export const LOCALES_BY_GROUP = {
  english: ["en", "en_AU", "en_AU_ocker", "en_ZA"],
  spanish: ["es", "es_MX"],
  portuguese: ["pt_BR", "pt_PT"],
  german: ["de", "de_AT", "de_CH"],
  french: ["fr", "fr_BE", "fr_CH"],
  italian: ["it"],
  polish: ["pl"],
  turkish: ["tr", "az"],
  indian: ["en_IN", "en_NP"],
  vietnamese: ["vi"],
  cyrillic: ["ru", "uk", "mk"],
  chinese: ["zh_CN", "zh_TW", "en_HK"],
  korean: ["ko"],
  african: ["en_GH", "en_NG", "yo_NG", "zu_ZA", "fr_SN", "af_ZA"],
  "dutch and nordic": ["nl", "nl_BE", "sv", "nb_NO", "da", "fi"],
  "central european": ["cs_CZ", "sk", "hu", "ro", "ro_MD", "hr", "sr_RS_latin", "sl_SI", "lv"],
  "other latin": ["el", "hy", "ka_GE", "uz_UZ_latin", "id_ID", "eo", "ku_kmr_latin"],
} as const satisfies Record<string, readonly (keyof typeof allLocales)[]>;

export type LanguageGroup = keyof typeof LOCALES_BY_GROUP;

/** First and last names of one group, romanized and lower-cased. */
export interface NameLists {
  readonly first: readonly string[];
  readonly last: readonly string[];
}

/**
 * A name as it would appear in a local part: ASCII, lower case, letters only
 * ("Anh Vũ" → "anhvu", "O'Brien" → "obrien", "Шевченко" → "shevchenko").
 *
 * @example
 * toLocalPartLetters("Jérôme"); // "jerome"
 */
export function toLocalPartLetters(name: string): string {
  return anyAscii(name)
    .toLowerCase()
    .replace(/[^a-z]/g, "");
}

/** The names of one language group from faker's locales. */
export function fakerNames(group: LanguageGroup): NameLists {
  const locales: readonly LocaleDefinition[] = LOCALES_BY_GROUP[group].map((code) => allLocales[code]);
  const collect = (pick: (locale: LocaleDefinition) => unknown): string[] =>
    distinctNames(locales.flatMap((locale) => Object.values(pick(locale) ?? {}).flat()));
  return {
    first: collect((locale) => locale.person?.first_name),
    last: collect((locale) => locale.person?.last_name),
  };
}

/** The humannames list: first and last names mixed, as the package does not tell them apart. */
export function humanNames(): readonly string[] {
  return distinctNames(Object.keys(humannamesByName));
}

/** The English word list. */
export function englishWords(): readonly string[] {
  return distinctNames(englishWordList);
}

function distinctNames(raw: readonly unknown[]): string[] {
  const names = new Set<string>();
  for (const entry of raw) {
    if (typeof entry !== "string") continue;
    const letters = toLocalPartLetters(entry);
    if (letters.length >= 2) names.add(letters);
  }
  return [...names];
}
