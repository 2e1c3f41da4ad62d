import { categoriesOf } from "./corpus";
import type { Shape } from "./local-parts";
import { seededRandom } from "../../shared/gibberish/random";
import { RANDOM_KINDS, type RandomKind, randomLocalPart } from "./random-strings";
import type { Split } from "./splits";

/** A real-looking local part with where it came from. */
export interface RealSample {
  readonly text: string;
  readonly category: string;
  readonly shape: Shape;
}

/** A random local part with how it was made. */
export interface RandomSample {
  readonly text: string;
  readonly kind: RandomKind;
}

/**
 * The same number of real-looking local parts from every category of one split, the same on
 * every run for a given seed.
 *
 * @example
 * realSamples("test", 2000, 1).length; // 2000 × the number of categories
 */
export function realSamples(split: Split, perCategory: number, seed: number): RealSample[] {
  const random = seededRandom(seed);
  return categoriesOf(split).flatMap((category) => Array.from({ length: perCategory }, () => ({ ...category.sample(random), category: category.name })));
}

/**
 * The same number of random local parts of every kind, 8 to 16 characters long.
 *
 * @example
 * randomSamples(2000, 2).length; // 2000 × RANDOM_KINDS.length
 */
export function randomSamples(perKind: number, seed: number): RandomSample[] {
  const random = seededRandom(seed);
  return RANDOM_KINDS.flatMap((kind) => Array.from({ length: perKind }, () => ({ text: randomLocalPart(random, kind, random.int(8, 16)), kind })));
}

/**
 * The share of samples flagged, per value of a key, and over all samples as "all".
 *
 * @example
 * flaggedShare(realSamples("test", 100, 1), (s) => s.category, isGibberish); // { english: 0, ..., all: 0.001 }
 */
export function flaggedShare<T extends { readonly text: string }>(
  samples: readonly T[],
  keyOf: (sample: T) => string,
  isFlagged: (local: string) => boolean,
): Record<string, number> {
  const totals = new Map<string, [flagged: number, all: number]>();
  for (const sample of samples) {
    const flagged = isFlagged(sample.text) ? 1 : 0;
    for (const key of [keyOf(sample), "all"]) {
      const [before, count] = totals.get(key) ?? [0, 0];
      totals.set(key, [before + flagged, count + 1]);
    }
  }
  return Object.fromEntries([...totals].map(([key, [flagged, all]]) => [key, flagged / all]));
}
