/**
 * A vitest setup file for the fuzz step of the benchmarks (fuzz.ts): every fast-check run of
 * the test files reports how many inputs it ran, and whether it failed, as a JSON line in
 * MAILVET_FUZZ_COUNT_FILE. A failing run still fails its test with fast-check's own message.
 * Only a global reporter is set, so every test keeps its own numRuns and other parameters.
 */
import { appendFileSync } from "node:fs";
import fc from "fast-check";
import { expect } from "vitest";

/** One line of the count file. */
export interface FuzzCount {
  file: string;
  test: string;
  runs: number;
  failed: boolean;
}

const countFile = process.env.MAILVET_FUZZ_COUNT_FILE;
if (!countFile) throw new Error("MAILVET_FUZZ_COUNT_FILE is not set: run the fuzz step through test/bench/fuzz.ts");

fc.configureGlobal({
  reporter(details) {
    const { testPath = "", currentTestName = "" } = expect.getState();
    const line: FuzzCount = { file: testPath, test: currentTestName, runs: details.numRuns, failed: details.failed };
    appendFileSync(countFile, `${JSON.stringify(line)}\n`);
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
  },
});
