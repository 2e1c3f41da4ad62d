/**
 * How many inputs a parser's property tests try: `MAILVET_FUZZ_RUNS` when set (the benchmark run
 * sets 100,000), else the small default the test gives, so `npm test` stays quick.
 *
 * @example
 * await fc.assert(property, { numRuns: fuzzRuns(200) });
 */
export function fuzzRuns(fallback: number): number {
  const runs = Number(process.env.MAILVET_FUZZ_RUNS);
  return Number.isSafeInteger(runs) && runs > 0 ? runs : fallback;
}
