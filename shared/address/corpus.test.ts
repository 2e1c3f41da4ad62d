import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAddress } from "./parse";
import { isReservedDomain, isSpecialUseDomain } from "./reserved";

/** The labelled syntax corpus lives beside the repo, here and in CI alike. */
const CORPUS_DIR = new URL("../../test/fixtures/corpus/", import.meta.url);

interface CorpusRecord {
  address: string;
  expect: "valid" | "invalid";
  contested: boolean;
  source_id: string;
  policy: string[];
}

/**
 * Contested records where our policy departs from the corpus label, keyed by file and
 * source_id, each with the reason. Only contested records may appear here.
 */
const ACCEPTED_DIFFERENCES: Record<string, string> = {};

/**
 * Accepted by the corpus policy: the syntax passes and the domain is not special-use. The
 * corpus labels RFC 2606 documentation domains valid (python-email-validator's suite is full of
 * me@example.org), so this uses isSpecialUseDomain, not isReservedDomain, which refuses those too.
 */
function accepts(address: string): boolean {
  const result = parseAddress(address);
  return result.ok && !isSpecialUseDomain(result.address.domain);
}

const files = readdirSync(CORPUS_DIR)
  .filter((name) => name.endsWith(".jsonl"))
  .sort();
const corpus = files.map((file) => ({
  file,
  records: readFileSync(new URL(file, CORPUS_DIR), "utf8")
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as CorpusRecord),
}));

describe("the labelled syntax corpus", () => {
  const outcomes = corpus.flatMap(({ file, records }) =>
    records.map((record) => {
      const key = `${file} ${record.source_id}`;
      const agrees = accepts(record.address) === (record.expect === "valid");
      return { file, key, record, agrees, accepted: key in ACCEPTED_DIFFERENCES };
    }),
  );

  it("has all three files and 722 records", () => {
    expect(files).toEqual(["isemail.jsonl", "python-email-validator.jsonl", "validatorjs.jsonl"]);
    expect(outcomes).toHaveLength(722);
  });

  it("agrees on every uncontested record", () => {
    const misses = outcomes
      .filter((o) => !o.record.contested && !o.agrees)
      .map((o) => `${o.key}: ${JSON.stringify(o.record.address)} labelled ${o.record.expect}`);
    expect(misses).toEqual([]);
  });

  it("departs only where an accepted difference says so, and only on contested records", () => {
    const unexplained = outcomes
      .filter((o) => !o.agrees && !o.accepted)
      .map((o) => `${o.key}: ${JSON.stringify(o.record.address)} labelled ${o.record.expect}`);
    expect(unexplained).toEqual([]);
    const stale = outcomes.filter((o) => o.accepted && (o.agrees || !o.record.contested)).map((o) => o.key);
    expect(stale).toEqual([]);
  });

  it("scores at least 98% overall, and prints the scores", () => {
    const score = (subset: typeof outcomes) =>
      `${subset.filter((o) => o.agrees).length}/${subset.length} (${((100 * subset.filter((o) => o.agrees).length) / subset.length).toFixed(1)}%)`;
    const uncontested = outcomes.filter((o) => !o.record.contested);
    console.log(`syntax corpus: all ${score(outcomes)}, uncontested ${score(uncontested)}`);
    for (const { file } of corpus) {
      const inFile = outcomes.filter((o) => o.file === file);
      console.log(`  ${file}: all ${score(inFile)}, uncontested ${score(inFile.filter((o) => !o.record.contested))}`);
    }
    const refusedAsDocumentation = outcomes.filter((o) => {
      const result = parseAddress(o.record.address);
      return result.ok && !isSpecialUseDomain(result.address.domain) && isReservedDomain(result.address.domain);
    });
    console.log(`  (isReservedDomain, which also refuses example.com/.net/.org, would turn down ${refusedAsDocumentation.length} of the valid records)`);
    expect(outcomes.filter((o) => o.agrees).length / outcomes.length).toBeGreaterThanOrEqual(0.98);
  });
});
