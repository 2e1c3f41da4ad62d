/**
 * The GIBBERISH flag: does a local part look machine-made or mashed (`xq7zk2vbw9jh`,
 * `kjhdsf8734`, `asdfqwerzx`) rather than chosen by a person (`john.smith84`, `zhangwei88`,
 * `tanaka.hiroshi`, `gamer4life`)?
 *
 * A character trigram model of real-looking local parts, trained on name and word lists of many
 * languages (see train.ts), weighs each local part against the hypothesis that it was drawn
 * uniformly from [a-z0-9]. Digits and separators are symbols of the model too, so where they
 * stand (`john84` against `a8f3k2`) is learned from data like the letters. Pure and
 * runtime-agnostic; the 24 KB table is decoded on first use.
 */
import { MIN_JUDGED_LENGTH, gibberishEvidence } from "./evidence";
import { GIBBERISH_MODEL } from "./model";
import { decodeTable } from "./model-file";

let logOdds: Int8Array | undefined;

function table(): Int8Array {
  logOdds ??= decodeTable(GIBBERISH_MODEL.logOdds);
  return logOdds;
}

/**
 * The evidence, in nats, that a local part is random rather than human-chosen: positive is
 * random-looking, negative human-looking, 0 when there is nothing to judge (no letters, or
 * characters outside ASCII). Case-insensitive.
 *
 * @example
 * gibberishScore("xq7zk2vbw9jh") > gibberishScore("john.smith84"); // true
 */
export function gibberishScore(local: string): number {
  return gibberishEvidence(table(), local);
}

/**
 * Whether a local part looks random. Local parts under six characters, digit-only ones and
 * non-ASCII ones are never flagged: there is too little evidence, or none the model can read.
 *
 * @example
 * isGibberish("xq7zk2vbw9jh"); // true
 * isGibberish("wangxiaoming"); // false
 */
export function isGibberish(local: string): boolean {
  return local.length >= MIN_JUDGED_LENGTH && gibberishEvidence(table(), local) > GIBBERISH_MODEL.threshold;
}
