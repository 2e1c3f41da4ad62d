/** pinyin-split ships its syllable list as a module but declares types only for its entry point. */
declare module "pinyin-split/lib/esm/syllables.js" {
  const syllables: readonly string[];
  export default syllables;
}
