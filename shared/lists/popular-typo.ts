import { nameTypoCost, typoName, type TypoName } from "./name-typo-cost";
import { POPULAR_MAIL_DOMAINS } from "./popular-domains";
import { publicSuffixLabelCount } from "./public-suffix";
import { suffixSlips } from "./tld-typos";

interface PopularDomain {
  domain: string;
  name: TypoName;
}

/** Popular domains under one suffix, by name length, and what the typed suffix cost to reach it. */
interface SuffixBucket {
  byNameLength: PopularDomain[][];
  suffixCost: number;
}

/** No typo rule lets a name grow or shrink by more than this many characters. */
const MAX_LENGTH_CHANGE = 2;

/** Popular domains by public suffix (`com.tw`), then by the length of their name (`yahoo`). */
const POPULAR_BY_SUFFIX = new Map<string, PopularDomain[][]>();
for (const domain of POPULAR_MAIL_DOMAINS) {
  const labels = domain.split(".");
  const suffixLabels = publicSuffixLabelCount(labels);
  const suffix = labels.slice(-suffixLabels).join(".");
  const name = typoName(labels.slice(0, -suffixLabels).join("."));
  const byNameLength = POPULAR_BY_SUFFIX.get(suffix) ?? [];
  (byNameLength[name.text.length] ??= []).push({ domain, name });
  POPULAR_BY_SUFFIX.set(suffix, byNameLength);
}

/**
 * The popular domains a typed suffix reaches: `com` leads to the `.com` domains at no cost, `con`
 * and `co` lead there at a cost of 1. A typed domain is compared only with the names under the
 * suffixes it reaches and about as long as its own, never with the whole list.
 */
const BUCKETS_BY_TYPED_SUFFIX = new Map<string, SuffixBucket[]>();
for (const [suffix, byNameLength] of POPULAR_BY_SUFFIX) {
  for (const [typed, suffixCost] of [[suffix, 0] as const, ...suffixSlips(suffix).map((slip) => [slip, 1] as const)]) {
    BUCKETS_BY_TYPED_SUFFIX.set(typed, [...(BUCKETS_BY_TYPED_SUFFIX.get(typed) ?? []), { byNameLength, suffixCost }]);
  }
}

/**
 * The popular domain that a domain is a typo of: the single one at the lowest cost, where the
 * name costs what `nameTypoCost` says and a slipped suffix (`con`, or `co` for `com`) costs 1.
 * Null when the domain is itself popular, when nothing is near enough, or when two popular
 * domains are equally near, since a coin toss is no suggestion.
 *
 * @example
 * closestPopularDomain("hotmial.co"); // "hotmail.com"
 * closestPopularDomain("yaho.com.tw"); // "yahoo.com.tw"
 * closestPopularDomain("gmail.com"); // null
 */
export function closestPopularDomain(domain: string): string | null {
  let closest: string | null = null;
  let lowestCost = Number.POSITIVE_INFINITY;
  let tied = false;
  // The suffix is the last label, then the last two (`co.jp`); the name is all before it.
  for (let dot = domain.lastIndexOf("."), split = 0; dot > 0 && split < 2; dot = domain.lastIndexOf(".", dot - 1), split++) {
    const buckets = BUCKETS_BY_TYPED_SUFFIX.get(domain.slice(dot + 1));
    if (buckets === undefined) continue;
    const typed = typoName(domain.slice(0, dot));
    for (const { byNameLength, suffixCost } of buckets) {
      const length = typed.text.length;
      for (let nameLength = length - MAX_LENGTH_CHANGE; nameLength <= length + MAX_LENGTH_CHANGE; nameLength++) {
        for (const popular of byNameLength[nameLength] ?? []) {
          const nameCost = nameTypoCost(typed, popular.name);
          if (nameCost === null) continue;
          const cost = nameCost + suffixCost;
          if (cost === 0) return null;
          if (cost < lowestCost) [closest, lowestCost, tied] = [popular.domain, cost, false];
          else if (cost === lowestCost) tied = true;
        }
      }
    }
  }
  return tied ? null : closest;
}
