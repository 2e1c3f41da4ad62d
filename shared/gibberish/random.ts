/**
 * A seeded source of randomness for building training and evaluation sets, so that the model
 * and the measured rates come out the same on every run.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
}

/**
 * A mulberry32 generator: tiny, fast, and good enough for sampling (not for secrets).
 *
 * @example
 * const random = seededRandom(42);
 * random.int(1, 6); // the same die roll on every run
 */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(next() * items.length)]!;
  };
  return { next, int, pick };
}

/**
 * Picks one of several choices with probability proportional to its weight.
 *
 * @example
 * weightedPick(seededRandom(1), [[0.9, "common"], [0.1, "rare"]]); // usually "common"
 */
export function weightedPick<T>(random: Random, choices: readonly (readonly [number, T])[]): T {
  let total = 0;
  for (const [weight] of choices) total += weight;
  let target = random.next() * total;
  for (const [weight, choice] of choices) {
    target -= weight;
    if (target < 0) return choice;
  }
  return choices[choices.length - 1]![1];
}
