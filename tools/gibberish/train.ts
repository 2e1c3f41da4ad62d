/**
 * Trains the gibberish model, prints model.ts to standard output and a report of the held-out
 * error rates to standard error: `npm run train:gibberish` writes the file. (Printing keeps this
 * script free of Node's file API, so it type-checks with the rest of shared/ for workerd.)
 *
 * Data, devDependencies only (see name-sources.ts and generated-names.ts):
 * - humannames 1.0.5, MIT: ~197,000 first and last names of many origins.
 * - @faker-js/faker 10.6.0, MIT: first and last names of its locales, by language group.
 * - an-array-of-english-words 2.0.0, MIT: ~275,000 English words.
 * - pinyin-split 1.170.0, ISC: the pinyin syllables; wanakana 5.3.1, MIT: kana to romaji.
 * - any-ascii 0.3.3, ISC: romanization of names written in other scripts.
 */
import { MIN_JUDGED_LENGTH, gibberishEvidence } from "../../shared/gibberish/evidence";
import { flaggedShare, randomSamples, realSamples } from "./evaluation-sets";
import { type TrainedModel, modelModuleSource, trainModel } from "./training";

function report({ logOdds, threshold }: TrainedModel): string {
  const flag = (local: string): boolean => local.length >= MIN_JUDGED_LENGTH && gibberishEvidence(logOdds, local) > threshold;
  const percentages = (shares: Record<string, number>): string =>
    Object.entries(shares)
      .map(([key, share]) => `  ${key}: ${(share * 100).toFixed(2)}%`)
      .join("\n");
  const real = realSamples("test", 2000, 0x74657374);
  const random = randomSamples(2000, 0x726e64);
  return [
    `threshold: ${threshold} nats`,
    `flagged real-looking local parts, test split, by category:\n${percentages(flaggedShare(real, (s) => s.category, flag))}`,
    `by shape:\n${percentages(flaggedShare(real, (s) => s.shape, flag))}`,
    `flagged random local parts, 8-16 characters, by kind:\n${percentages(flaggedShare(random, (s) => s.kind, flag))}`,
  ].join("\n");
}

const model = trainModel();
console.log(modelModuleSource(model));
console.error(report(model));
