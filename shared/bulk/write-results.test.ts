import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bytesSource } from "./byte-source";
import { csvRows } from "./csv-rows";
import { decodeText } from "./decode-text";
import type { ResultRow } from "./result-row";
import { neutralizeFormula, resultsCsv, resultsJson, resultsXlsx } from "./write-results";
import { collect, inChunks } from "./testing/fixtures";
import { xlsxRows } from "./xlsx/read-xlsx";

const FLAGS = { disposable: false, role: true, free: false, catch_all: false, gibberish: false };
const result = (row: number, cells: string[], suggestion: string | null = null): ResultRow => ({
  row,
  cells,
  email: cells[1] ?? "",
  verdict: "deliverable",
  reason: "accepted",
  flags: FLAGS,
  suggestion,
});

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const bytesOf = async (chunks: AsyncIterable<Uint8Array>) => new Uint8Array(await new Blob(await collect(chunks)).arrayBuffer());
const csvTable = async (bytes: Uint8Array) => (await collect(csvRows(decodeText(inChunks(bytes, 1000))))).map((row) => row.cells);

describe("result writers", () => {
  const columns = ["名前", "email"];
  const results = [result(0, ["山田, 太郎", "taro@example.jp"]), result(1, ["short"]), result(2, ['say "hi"\nbye', "x@gmial.com", "extra"], "x@gmail.com")];
  const expected = [
    ["名前", "email", "verdict", "reason", "disposable", "role", "free", "catch_all", "gibberish", "suggestion"],
    ["山田, 太郎", "taro@example.jp", "deliverable", "accepted", "false", "true", "false", "false", "false", ""],
    ["short", "", "deliverable", "accepted", "false", "true", "false", "false", "false", ""],
    ['say "hi"\nbye', "x@gmial.com", "deliverable", "accepted", "false", "true", "false", "false", "false", "x@gmail.com", "extra"],
  ];

  it("writes CSV in UTF-8 with a BOM that reads back as the same table", async () => {
    const bytes = await bytesOf(resultsCsv(columns, fromArray(results)));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(await csvTable(bytes)).toEqual(expected);
  });

  it("writes XLSX that reads back as the same table, flags as booleans", async () => {
    const rows = await collect(xlsxRows(bytesSource(await bytesOf(resultsXlsx(columns, fromArray(results)))), { maxBytes: 1e7 }));
    // An empty cell is not written, so a row without a suggestion reads back one cell shorter.
    const asRead = expected
      .map((row) => row.map((cell) => (cell === "true" ? "TRUE" : cell === "false" ? "FALSE" : cell)))
      .map((row) => (row.at(-1) === "" ? row.slice(0, -1) : row));
    expect(rows.map((row) => row.cells)).toEqual(asRead);
  });

  it("writes the contract's JSON", async () => {
    const json = JSON.parse(new TextDecoder().decode(await bytesOf(resultsJson(fromArray(results)))));
    expect(json.results).toHaveLength(3);
    expect(json.results[0]).toEqual({
      row: 0,
      email: "taro@example.jp",
      verdict: "deliverable",
      reason: "accepted",
      flags: FLAGS,
      suggestion: null,
      cells: ["山田, 太郎", "taro@example.jp"],
    });
    expect(json.results[2]).toMatchObject({ email: "x@gmial.com", suggestion: "x@gmail.com" });
    expect(JSON.parse(new TextDecoder().decode(await bytesOf(resultsJson(fromArray([])))))).toEqual({ results: [] });
  });

  it.each([
    [
      "pipes inside quoted fields, rows longer than the header",
      [",", ""],
      [
        ["", "", "|,"],
        ["", "|", "", ""],
      ],
    ],
    ["tabs inside quoted fields", ["", "\t "], [["", "\t", ""]]],
  ])("reads its own CSV back when %s", async (_, header, rows) => {
    const bytes = await bytesOf(resultsCsv(header, fromArray(rows.map((cells, row) => result(row, cells)))));
    const [readHeader, ...readRows] = await csvTable(bytes);
    expect(readHeader?.slice(0, header.length)).toEqual(header.map(neutralizeFormula));
    expect(readRows.map((cells) => cells.slice(0, header.length))).toEqual(rows.map((cells) => header.map((_, i) => neutralizeFormula(cells[i] ?? ""))));
  });

  // OWASP's CSV injection payloads: each kind of formula start, bare and behind spaces or quotes.
  const FORMULAS = ["=1+1", "+1+1", "-1+1", "@SUM(1+1)", "\t=1+1", "\r=1+1", ' =HYPERLINK("http://x")', '"=1+1"', "'=1+1", "=cmd|' /C calc'!A0"];

  it("neutralizes cells a spreadsheet would run as formulas in CSV, header too, and leaves the rest", async () => {
    const bytes = await bytesOf(
      resultsCsv(
        ["=name", "email"],
        fromArray([result(0, [...FORMULAS.slice(0, 1), "ann@example.net", ...FORMULAS.slice(1)]), result(1, ["a-b", "x@example.net", "1", "a=b", "", " "])]),
      ),
    );
    const [header, formulas, plain] = await csvTable(bytes);
    expect(header?.[0]).toBe("'=name");
    // The row's first cell, then its cells past the header's two, after the answer columns.
    expect([formulas?.[0], ...(formulas?.slice(10) ?? [])]).toEqual(FORMULAS.map((cell) => `'${cell}`));
    expect(formulas?.[1]).toBe("ann@example.net");
    expect(plain?.slice(0, 2)).toEqual(["a-b", "x@example.net"]);
    expect(plain?.slice(10)).toEqual(["1", "a=b", "", " "]);
  });

  it("leaves formula-like cells as they are in XLSX, where they are text", async () => {
    const rows = await collect(
      xlsxRows(bytesSource(await bytesOf(resultsXlsx(["email"], fromArray([result(0, ["ann@example.net", ...FORMULAS])])))), { maxBytes: 1e7 }),
    );
    expect(rows[1]?.cells.slice(9)).toEqual(FORMULAS);
  });

  it("round-trips any table of text through CSV, formulas neutralized", async () => {
    const char = fc.oneof(
      fc.constantFrom(",", '"', "\r", "\n", ";", " ", "\t", "|", "@", "=", "+", "-", "'"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }).filter((c) => c >= " "),
    );
    const table = fc.array(fc.array(fc.string({ unit: char, maxLength: 8 }), { minLength: 2, maxLength: 4 }), { maxLength: 10 });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: char, maxLength: 8 }), { minLength: 2, maxLength: 4 }), table, async (header, rows) => {
        const bytes = await bytesOf(resultsCsv(header, fromArray(rows.map((cells, row) => result(row, cells)))));
        const [readHeader, ...readRows] = await csvTable(bytes);
        expect(readHeader?.slice(0, header.length)).toEqual(header.map(neutralizeFormula));
        expect(readRows.map((cells) => cells.slice(0, header.length))).toEqual(rows.map((cells) => header.map((_, i) => neutralizeFormula(cells[i] ?? ""))));
      }),
      { numRuns: 200 },
    );
  });
});
