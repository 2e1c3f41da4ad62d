import { BOUNDARY, SYMBOL_BY_ASCII, SYMBOL_COUNT } from "./alphabet";
import { STEPS_PER_NAT } from "./log-odds";

/**
 * Local parts shorter than this carry too little evidence to call random: under five characters
 * ("ab12", "xq7k") a string has no room to look random, and at five most are initials and digits
 * ("tnm28"), where the held-out false positives of a five-character floor gathered.
 */
export const MIN_JUDGED_LENGTH = 6;

const LAST_LETTER = 26;

/**
 * The evidence, in nats, that a local part was drawn at random from [a-z0-9] rather than chosen
 * by a person: minus the sum of the table's log-odds over every symbol trigram, the end included.
 * Positive means random-looking. The sum grows with length, so a short string never gathers
 * much evidence either way. Without letters, or with any non-ASCII character, there is nothing
 * the model knows to judge, and the evidence is 0.
 *
 * One pass, no allocation: one table read per character.
 *
 * @example
 * gibberishEvidence(table, "maria.lopez"); // about -11: human-looking
 * gibberishEvidence(table, "xq7zk2vbw9jh"); // about +43: random-looking
 */
export function gibberishEvidence(logOdds: Int8Array, local: string): number {
  let context = BOUNDARY * SYMBOL_COUNT + BOUNDARY;
  let steps = 0;
  let letters = 0;
  for (let i = 0; i < local.length; i++) {
    const code = local.charCodeAt(i);
    if (code > 127) return 0;
    const symbol = SYMBOL_BY_ASCII[code]!;
    if (symbol <= LAST_LETTER) letters++;
    steps += logOdds[context * SYMBOL_COUNT + symbol]!;
    context = (context % SYMBOL_COUNT) * SYMBOL_COUNT + symbol;
  }
  if (letters === 0) return 0;
  steps += logOdds[context * SYMBOL_COUNT + BOUNDARY]!;
  return steps === 0 ? 0 : -steps / STEPS_PER_NAT;
}
