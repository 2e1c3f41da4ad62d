import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvRows } from "./csv-rows";
import { collect, inChunks } from "./testing/fixtures";
import { fuzzRuns, fuzzTimeout } from "./testing/fuzz-runs";

/** `count` chunks of `text`, made as they are read, so a file of 100 MB is never held. */
async function* repeatedChunks(first: string, text: string, count: number): AsyncGenerator<string> {
  yield first;
  for (let index = 0; index < count; index++) yield text;
}

const cellsOf = async (csv: string, chunkSize = 7) => (await collect(csvRows(inChunks(csv, chunkSize)))).map((row) => row.cells);

describe("csvRows", () => {
  it.each([",", ";", "\t", "|"])("finds the delimiter %j", async (delimiter) => {
    const csv = `${["name", "email", "city"].join(delimiter)}\n${["Ann", "ann@example.net", "Oslo"].join(delimiter)}\n`;
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
    const csv = `email,note\n"ann@example.net,x\n${"bob@example.net,y\n".repeat(70_000)}`;
    const rows = await cellsOf(csv, 64 * 1024);
    expect(rows[1]).toEqual(['"ann@example.net', "x"]);
    expect(rows.at(-1)).toEqual(["bob@example.net", "y"]);
    expect(rows).toHaveLength(70_002);
  });

  it("refuses one line of 100 MB of delimiters after reading about 1 MiB of it", async () => {
    let read = 0;
    const chunks = (async function* () {
      for await (const chunk of repeatedChunks("email\nann@example.net\n", ",".repeat(65_536), 1600)) {
        read += chunk.length;
        yield chunk;
      }
    })();
    await expect(collect(csvRows(chunks))).rejects.toMatchObject({ code: "row_too_large", message: expect.stringContaining("Record 3 ") });
    expect(read).toBeLessThan(2 * 1024 * 1024);
  });

  it("refuses a record of more than 16,384 cells, even a blank one, and one of more than 1 MiB", async () => {
    await expect(collect(csvRows(inChunks(`email\n${",".repeat(16_384)}\n`, 4096)))).rejects.toMatchObject({ code: "row_too_large" });
    await expect(collect(csvRows(inChunks(`email\n${"x".repeat(600_000)},${"y".repeat(600_000)}\n`, 4096)))).rejects.toMatchObject({ code: "row_too_large" });
    expect(await cellsOf(`email\n${",".repeat(16_383)}a\n`, 4096)).toEqual([["email"], [...Array.from({ length: 16_383 }, () => ""), "a"]]);
  });

  it("reads the same rows however large the chunks", async () => {
    const csv = `email,n\n${"ann@example.net,1\n".repeat(20_000)}`;
    expect(await cellsOf(csv, csv.length)).toEqual(await cellsOf(csv, 1000));
  });

  it(
    "never throws and ends, whatever the text (fuzz)",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ unit: fc.constantFrom("a", ",", ";", '"', "\n", "\r", "\t", "|", "@", "é"), maxLength: 300 }),
          fc.integer({ min: 1, max: 50 }),
          async (text, chunkSize) => {
            const rows = await collect(csvRows(inChunks(text, chunkSize)));
            expect(rows.every((row, index) => row.index === index)).toBe(true);
          },
        ),
        { numRuns: fuzzRuns(100) },
      );
    },
    fuzzTimeout(),
  );
});
