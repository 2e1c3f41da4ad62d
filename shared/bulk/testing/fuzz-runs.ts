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

/**
 * The timeout of a test whose runs fuzzRuns sets: an hour when MAILVET_FUZZ_RUNS is set, the
 * suite's default otherwise.
 *
 * @example
 * it("never throws (fuzz)", async () => { ... }, fuzzTimeout());
 */
export function fuzzTimeout(): number | undefined {
  return process.env.MAILVET_FUZZ_RUNS ? 3_600_000 : undefined;
}
