import { BOUNDARY, DIGIT, SYMBOL_COUNT, TRIGRAM_COUNT } from "./alphabet";

/**
 * Steps per nat in the quantized table: an eighth of a nat is far finer than the model's own
 * error, and keeps every entry within a signed byte (−16 to +3.6 nats).
 */
export const STEPS_PER_NAT = 8;

/**
 * How likely a symbol is under the null hypothesis that the local part was drawn uniformly from
 * [a-z0-9]: 1/36 for a letter (and for a separator, which random ids lack, so it stays neutral),
 * 10/36 for the digit symbol. The end is certain, as the length is given.
 */
export function nullProbability(symbol: number): number {
  if (symbol === BOUNDARY) return 1;
  return symbol === DIGIT ? 10 / 36 : 1 / 36;
}

/**
 * Each trigram's log-odds, human model against null hypothesis, in eighths of a nat, clamped to
 * a signed byte. Summed over a local part they give its log likelihood ratio.
 *
 * @example
 * quantizedLogOdds(kneserNeyProbabilities(counts)); // Int8Array of TRIGRAM_COUNT entries
 */
export function quantizedLogOdds(probabilities: Float64Array): Int8Array {
  const table = new Int8Array(TRIGRAM_COUNT);
  for (let i = 0; i < TRIGRAM_COUNT; i++) {
    const logOdds = Math.log(probabilities[i]!) - Math.log(nullProbability(i % SYMBOL_COUNT));
    table[i] = Math.max(-128, Math.min(127, Math.round(logOdds * STEPS_PER_NAT)));
  }
  return table;
}
