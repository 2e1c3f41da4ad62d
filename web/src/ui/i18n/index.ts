import { useEffect, useState } from "preact/hooks";
import { en, type Messages } from "./en";
import { zh } from "./zh";
import { readStored, writeStored } from "../storage";

export type { Messages } from "./en";

/** The languages of the web app. */
export const LANGS = ["en", "zh"] as const;
export type Lang = (typeof LANGS)[number];

export const MESSAGES: Record<Lang, Messages> = { en, zh };

const STORAGE_KEY = "mailvet.lang";

/**
 * The language to start in: the one chosen before (localStorage), else the browser's first
 * preference that we have (any `zh-*` is 中文), else English.
 *
 * @example
 * initialLang(); // "zh" in a browser set to zh-TW
 */
export function initialLang(): Lang {
  const stored = readStored(STORAGE_KEY);
  if (stored === "en" || stored === "zh") return stored;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const primary = tag?.toLowerCase().split("-")[0];
    if (primary === "zh") return "zh";
    if (primary === "en") return "en";
  }
  return "en";
}

let current: Lang = typeof window === "undefined" ? "en" : initialLang();
const listeners = new Set<(lang: Lang) => void>();

function apply(lang: Lang): void {
  document.documentElement.lang = MESSAGES[lang].htmlLang;
}

/**
 * Switches the whole page to `lang`, remembers it for later visits, and re-renders every
 * component that reads it through useI18n().
 *
 * @example
 * setLang("zh");
 */
export function setLang(lang: Lang): void {
  current = lang;
  writeStored(STORAGE_KEY, lang);
  apply(lang);
  for (const listener of listeners) listener(lang);
}

/** The language in force, outside components. */
export function currentLang(): Lang {
  return current;
}

/**
 * The current language and its messages, re-rendering the component when the language changes.
 *
 * @example
 * const { t, lang } = useI18n();
 * return <label>{t.emailLabel}</label>;
 */
export function useI18n(): { lang: Lang; t: Messages; format: (value: number) => string } {
  const [lang, setState] = useState(current);
  useEffect(() => {
    listeners.add(setState);
    setState(current);
    return () => void listeners.delete(setState);
  }, []);
  const t = MESSAGES[lang];
  return { lang, t, format: (value: number) => value.toLocaleString(t.locale) };
}

if (typeof document !== "undefined") apply(current);
