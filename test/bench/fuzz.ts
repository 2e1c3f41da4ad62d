import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { FuzzCount } from "./fuzz-counter";

const repoRoot = new URL("../../", import.meta.url).pathname;
/** Inputs per property test: at least 100,000 for every parser. MAILVET_BENCH_FUZZ_RUNS lowers it while developing. */
const RUNS = Number(process.env.MAILVET_BENCH_FUZZ_RUNS ?? 100_000);
/** Which property-test files fuzz which parser, by path; a file may serve one parser only. */
const PARSERS: [name: string, path: RegExp][] = [
  ["CSV", /^shared\/bulk\/.*csv[^/]*\.test\.ts$/],
  ["XLSX", /^shared\/bulk\/xlsx\/.*\.test\.ts$/],
  ["multipart", /^shared\/bulk\/.*multipart[^/]*\.test\.ts$/],
  ["SMTP replies", /^prober\/src\/smtp\/.*\.test\.ts$/],
  ["DNS packets", /^shared\/dns\/.*\.test\.ts$/],
  ["addresses", /^shared\/address\/.*\.test\.ts$/],
];

export interface ParserFuzz {
  parser: string;
  files: string[];
  /** fast-check runs (properties) in those files. */
  properties: number;
  /** Inputs over all of them. */
  inputs: number;
  /** The fewest inputs one property ran: below RUNS, that test does not read MAILVET_FUZZ_RUNS. */
  fewest: number;
  failed: number;
}

export interface FuzzResult {
  runsAsked: number;
  parsers: ParserFuzz[];
  /** vitest's exit code: 0 when every test of those files passed. */
  exitCode: number;
  seconds: number;
}

/**
 * The parsers' property tests (every test file under the parsers' folders that uses
 * fast-check) run with MAILVET_FUZZ_RUNS inputs per property, in one vitest process
 * (fuzz.vitest.config.ts), with every fast-check run counted as it ends (fuzz-counter.ts):
 * the counts are what ran, not what was asked.
 *
 * @example
 * printFuzz(await benchFuzz());
 */
export async function benchFuzz(): Promise<FuzzResult> {
  const started = performance.now();
  const files = propertyTestFiles();
  const dir = mkdtempSync(join(tmpdir(), "mailvet-fuzz-"));
  const countFile = join(dir, "counts.jsonl");
  try {
    const exitCode = await runVitest(
      files.map(([file]) => file),
      { MAILVET_FUZZ_RUNS: String(RUNS), MAILVET_FUZZ_COUNT_FILE: countFile },
    );
    const counts = readCounts(countFile);
    const parsers = PARSERS.map(([parser]): ParserFuzz => {
      const mine = files.filter(([, owner]) => owner === parser).map(([file]) => file);
      const runs = counts.filter((count) => mine.includes(count.file));
      return {
        parser,
        files: mine,
        properties: runs.length,
        inputs: runs.reduce((sum, { runs }) => sum + runs, 0),
        fewest: Math.min(...runs.map(({ runs }) => runs)),
        failed: runs.filter(({ failed }) => failed).length,
      };
    });
    return { runsAsked: RUNS, parsers, exitCode, seconds: (performance.now() - started) / 1000 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The test files of shared/ and prober/ that use fast-check, each with the parser its path names. */
function propertyTestFiles(): [file: string, parser: string][] {
  const files = ["shared", "prober"].flatMap((dir) => readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" }).map((file) => `${dir}/${file}`));
  return files.flatMap((file) => {
    const parser = PARSERS.find(([, path]) => path.test(file))?.[0];
    return parser && readFileSync(join(repoRoot, file), "utf8").includes("fast-check") ? [[file, parser] as [string, string]] : [];
  });
}

function runVitest(files: string[], env: Record<string, string>): Promise<number> {
  const vitest = join(repoRoot, "node_modules/vitest/vitest.mjs");
  const child = spawn(process.execPath, [vitest, "run", "-c", "test/bench/fuzz.vitest.config.ts", "--reporter", "dot", ...files], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

function readCounts(countFile: string): FuzzCount[] {
  let text = "";
  try {
    text = readFileSync(countFile, "utf8");
  } catch {
    // No property ran at all; every parser shows 0.
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as FuzzCount)
    .map((count) => ({ ...count, file: relative(repoRoot, count.file) }));
}

/**
 * Prints a fuzz result as a markdown table.
 *
 * @example
 * printFuzz(await benchFuzz());
 */
export function printFuzz({ runsAsked, parsers, exitCode, seconds }: FuzzResult): void {
  const count = (value: number) => value.toLocaleString("en-US");
  console.log(`\n## Fuzzing the parsers (fast-check, MAILVET_FUZZ_RUNS=${count(runsAsked)})\n`);
  console.log("| parser | test files | properties | inputs run | fewest in one property | failures |");
  console.log("|---|---|---:|---:|---:|---:|");
  for (const p of parsers) {
    console.log(
      `| ${p.parser} | ${p.files.join(", ") || "none found"} | ${p.properties} | ${count(p.inputs)} | ${p.properties ? count(p.fewest) : "–"} | ${p.failed} |`,
    );
  }
  const short = parsers.filter((p) => p.inputs < runsAsked).map((p) => p.parser);
  const crashed = exitCode !== 0 || parsers.some((p) => p.failed > 0);
  console.log(
    `\n${crashed ? `FAILED: vitest exited ${exitCode}; see its output above.` : "No crash: every property held and every test passed."} ${short.length ? `Below ${count(runsAsked)} inputs: ${short.join(", ")} (their tests do not read MAILVET_FUZZ_RUNS).` : `Every parser ran at least ${count(runsAsked)} inputs.`} Run time ${seconds.toFixed(1)} s.`,
  );
}
