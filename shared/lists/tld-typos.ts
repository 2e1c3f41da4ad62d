/**
 * Top-level domains that no registry has delegated, typed for the one almost everyone meant.
 * A domain under one of them cannot receive mail, so correcting it is safe whatever the name.
 */
const NONEXISTENT_TLD_FIXES = new Map([
  ["con", "com"],
  ["cmo", "com"],
  ["comm", "com"],
  ["ocm", "com"],
  ["cpm", "com"],
  ["vom", "com"],
  ["xom", "com"],
  ["coom", "com"],
  ["conm", "com"],
  ["comn", "com"],
  ["nte", "net"],
  ["nett", "net"],
  ["ner", "net"],
  ["ogr", "org"],
  ["orgg", "org"],
  ["rog", "org"],
  ["prg", "org"],
]);

/**
 * Real country codes one slip away from `com` or `net` (`qq.co`, `163.cm`, `yahoo.om`, `gmx.ne`).
 * Others own domains there, so these are corrected only towards a popular provider.
 */
const REAL_TLD_SLIPS = new Map([
  ["co", "com"],
  ["cm", "com"],
  ["om", "com"],
  ["ne", "net"],
]);

/** Each label's slips: `com` → `con`, `cmo`, … `co`, `cm`, `om`. */
const SLIPS_BY_LABEL = new Map<string, string[]>();
for (const [slip, meant] of [...NONEXISTENT_TLD_FIXES, ...REAL_TLD_SLIPS]) {
  SLIPS_BY_LABEL.set(meant, [...(SLIPS_BY_LABEL.get(meant) ?? []), slip]);
}

/**
 * The ways a suffix is mistyped with one of its labels slipped; towards a popular provider both
 * kinds of slip count.
 *
 * @example
 * suffixSlips("com.br"); // ["con.br", "cmo.br", …, "co.br", "cm.br", "om.br"]
 * suffixSlips("de"); // []
 */
export function suffixSlips(suffix: string): string[] {
  const labels = suffix.split(".");
  return labels.flatMap((label, index) => (SLIPS_BY_LABEL.get(label) ?? []).map((slip) => labels.with(index, slip).join(".")));
}

/**
 * The domain with a top-level domain that does not exist replaced by the one meant, or null.
 *
 * @example
 * withNonexistentTldFixed("acme.con"); // "acme.com"
 * withNonexistentTldFixed("acme.co"); // null: .co exists
 */
export function withNonexistentTldFixed(domain: string): string | null {
  const dot = domain.lastIndexOf(".");
  if (dot <= 0) return null;
  const fix = NONEXISTENT_TLD_FIXES.get(domain.slice(dot + 1));
  return fix === undefined ? null : `${domain.slice(0, dot + 1)}${fix}`;
}
