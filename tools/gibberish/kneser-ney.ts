import { BOUNDARY, SYMBOL_COUNT, TRIGRAM_COUNT, symbolOf, trigramIndex } from "../../shared/gibberish/alphabet";

const V = SYMBOL_COUNT;

/**
 * Counts of symbol trigrams in training text, each text padded with two boundaries in front
 * and one behind so the model also learns how local parts start and end.
 */
export class TrigramCounts {
  readonly counts = new Float64Array(TRIGRAM_COUNT);

  /** Adds one ASCII text; texts with other characters are skipped, as the model never scores them. */
  add(text: string): void {
    if (/[^\0-\x7f]/.test(text)) return;
    let first = BOUNDARY;
    let second = BOUNDARY;
    for (let i = 0; i <= text.length; i++) {
      const next = i < text.length ? symbolOf(text.charCodeAt(i)) : BOUNDARY;
      this.counts[trigramIndex(first, second, next)]! += 1;
      first = second;
      second = next;
    }
  }
}

/**
 * The probability of each symbol after each pair of symbols, by interpolated Kneser-Ney
 * smoothing: trigram counts discounted and backed off to continuation bigrams, then to
 * continuation unigrams mixed with a uniform floor, so unseen trigrams get a small but
 * ordered probability instead of zero. Returns a flat table indexed by `trigramIndex`.
 *
 * @example
 * const counts = new TrigramCounts();
 * counts.add("anna");
 * kneserNeyProbabilities(counts)[trigramIndex(BOUNDARY, BOUNDARY, 1)]; // P("a" first)
 */
export function kneserNeyProbabilities({ counts }: TrigramCounts): Float64Array {
  const bigramTypes = new Float64Array(V * V); // distinct a before (b, c)
  for (let a = 0; a < V; a++) for (let bc = 0; bc < V * V; bc++) if (counts[a * V * V + bc]! > 0) bigramTypes[bc]! += 1;
  const unigram = continuationUnigram(bigramTypes);
  const bigram = interpolate(bigramTypes, V, (_, c) => unigram[c]!);
  return interpolate(counts, V * V, (ab, c) => bigram[(ab % V) * V + c]!);
}

/** P(c) from how many distinct symbols precede c, with a uniform floor. */
function continuationUnigram(bigramTypes: Float64Array): Float64Array {
  const unigram = new Float64Array(V);
  let total = 0;
  for (let bc = 0; bc < V * V; bc++) {
    if (bigramTypes[bc]! > 0) {
      unigram[bc % V]! += 1;
      total += 1;
    }
  }
  for (let c = 0; c < V; c++) unigram[c] = 0.99 * (unigram[c]! / total) + 0.01 / V;
  return unigram;
}

/**
 * Absolute discounting of one order's counts, interpolated with the lower order `lower`
 * (the lower order alone for contexts never seen).
 */
function interpolate(counts: Float64Array, contexts: number, lower: (context: number, next: number) => number): Float64Array {
  const discount = discountFor(counts);
  const probabilities = new Float64Array(contexts * V);
  for (let context = 0; context < contexts; context++) {
    let total = 0;
    let seen = 0;
    for (let c = 0; c < V; c++) {
      const count = counts[context * V + c]!;
      total += count;
      if (count > 0) seen += 1;
    }
    for (let c = 0; c < V; c++) {
      const backoff = lower(context, c);
      probabilities[context * V + c] = total === 0 ? backoff : (Math.max(counts[context * V + c]! - discount, 0) + discount * seen * backoff) / total;
    }
  }
  return probabilities;
}

/** The Kneser-Ney discount n1 / (n1 + 2 n2), from how many events were seen once and twice. */
function discountFor(counts: Float64Array): number {
  let once = 0;
  let twice = 0;
  for (const count of counts) {
    if (count === 1) once += 1;
    else if (count === 2) twice += 1;
  }
  return once + twice === 0 ? 0.75 : once / (once + 2 * twice);
}
