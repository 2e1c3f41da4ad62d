import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRows } from "./csv-rows";
import { collect, inChunks } from "./testing/fixtures";

const cellsOf = async (csv: string, chunkSize = 7) => (await collect(csvRows(inChunks(csv, chunkSize)))).map((row) => row.cells);

describe("csvRows", () => {
  it.each([",", ";", "\t", "|"])("finds the delimiter %j", async (delimiter) => {
    const csv = ["name", "email", "city"].join(delimiter) + "\n" + ["Ann", "ann@example.net", "Oslo"].join(delimiter) + "\n";
    expect(await cellsOf(csv)).toEqual([
      ["name", "email", "city"],
      ["Ann", "ann@example.net", "Oslo"],
    ]);
  });

  it("reads CRLF, quoted delimiters, doubled quotes and line breaks in quotes, across chunks", async () => {
    const csv = 'name;email\r\n"Doe; ""JD""\r\nJohn";jd@example.net\r\n\r\nB;b@example.net\r\n';
    for (const chunkSize of [1, 2, 3, 10, 1000]) {
      expect(await cellsOf(csv, chunkSize)).toEqual([
        ["name", "email"],
        ['Doe; "JD"\r\nJohn', "jd@example.net"],
        ["B", "b@example.net"],
      ]);
    }
  });

  it("keeps rows of uneven length and numbers records without blank lines", async () => {
    const rows = await collect(csvRows(inChunks("a,b,c\n\nx\n1,2,3,4\n", 3)));
    expect(rows).toEqual([
      { index: 0, cells: ["a", "b", "c"] },
      { index: 1, cells: ["x"] },
      { index: 2, cells: ["1", "2", "3", "4"] },
    ]);
  });

  it("reads a one-column file without a trailing line break", async () => {
    expect(await cellsOf("email\nann@example.net")).toEqual([["email"], ["ann@example.net"]]);
  });

  it("ends a quote left open for over 1 MiB at its line, and goes on", async () => {
    const csv = 'email,note\n"ann@example.net,x\n' + "bob@example.net,y\n".repeat(70_000);
    const rows = await cellsOf(csv, 64 * 1024);
    expect(rows[1]).toEqual(['"ann@example.net', "x"]);
    expect(rows.at(-1)).toEqual(["bob@example.net", "y"]);
    expect(rows).toHaveLength(70_002);
  });

  it("never throws and ends, whatever the text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: fc.constantFrom("a", ",", ";", '"', "\n", "\r", "\t", "|", "@", "é") , maxLength: 300 }), fc.integer({ min: 1, max: 50 }), async (text, chunkSize) => {
        const rows = await collect(csvRows(inChunks(text, chunkSize)));
        expect(rows.every((row, index) => row.index === index)).toBe(true);
      }),
    );
  });
});
