import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const PROBE = fileURLToPath(new URL("./testing/memory-probe.ts", import.meta.url));
const MiB = 1024 * 1024;
/** A Worker has 128 MB; the readers run with a heap capped there, so one that held a file would crash. */
const HEAP_MiB = 128;
/** Generous: the largest growth measured is about 63 MiB (shared strings at their cap), much of it garbage not yet collected. */
const MAX_GROWTH = 96 * MiB;

const node = promisify(execFile);
const directory = await mkdtemp(join(tmpdir(), "mailvet-memory-"));
afterAll(() => rm(directory, { recursive: true, force: true }));

/** Runs the probe for `kind` in a process of its own (after building its XLSX in another) and returns what it measured. */
async function measure(kind: string): Promise<{ outcome: string; startRss: number; peakRss: number }> {
  const file = join(directory, `${kind}.xlsx`);
  if (kind.startsWith("xlsx-")) await node(process.execPath, ["--import", "tsx", PROBE, "build", kind, file]);
  const { stdout } = await node(process.execPath, [`--max-old-space-size=${HEAP_MiB}`, "--import", "tsx", PROBE, "read", kind, file]);
  return JSON.parse(stdout) as { outcome: string; startRss: number; peakRss: number };
}

// Each kind reads 64 to 120 MB (generated as it is read, or packed in a small zip): seconds each.
describe("the bulk readers' memory, whatever the file", { timeout: 180_000 }, () => {
  it.each([
    ["csv-delimiters", "row_too_large"],
    ["csv-open-quote", "read 3728270 rows"],
    ["csv-64mb-rows", "read 2145119 rows"],
    ["xlsx-past-xfd", "bad_xlsx"],
    ["xlsx-zip-bomb", "too_large"],
    ["xlsx-text-without-markup", "too_large"],
    ["xlsx-shared-strings-over-cap", "too_large"],
    ["xlsx-500k-rows", "read 500000 rows"],
    ["multipart-near-boundaries", "read 104880000 bytes"],
  ])("reads %s (%s) in a bounded heap", async (kind, outcome) => {
    const measured = await measure(kind);
    const growth = measured.peakRss - measured.startRss;
    console.log(
      `${kind}: ${measured.outcome}; RSS ${(measured.startRss / MiB).toFixed(0)} MiB before, peak ${(measured.peakRss / MiB).toFixed(0)} MiB (+${(growth / MiB).toFixed(0)} MiB)`,
    );
    expect(measured.outcome).toBe(outcome);
    expect(growth).toBeLessThan(MAX_GROWTH);
  });
});
