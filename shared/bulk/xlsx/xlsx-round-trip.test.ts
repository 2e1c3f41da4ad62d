import fc from "fast-check";
import readXlsxFile from "read-excel-file/node";
import { describe, expect, it } from "vitest";
import { bytesSource } from "../byte-source";
import { collect } from "../testing/fixtures";
import { xlsxRows } from "./read-xlsx";
import { writeXlsx, type XlsxCell } from "./write-xlsx";

async function* fromArray<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

const toBytes = async (rows: XlsxCell[][]) => {
  const chunks = await collect(writeXlsx("Results", fromArray(rows)));
  return new Uint8Array(await new Blob(chunks).arrayBuffer());
};

describe("XLSX writer and reader", () => {
  const table: XlsxCell[][] = [
    ["email", "名前", "verdict", "disposable", "score"],
    ["ann@example.net", "山田 & <太郎>", "deliverable", false, 97],
    ["bob@example.net", 'line\nbreak "quoted" _x0041_ \u0001', "risky", true, 0.5],
  ];

  it("reads back what it wrote", async () => {
    const rows = await collect(xlsxRows(bytesSource(await toBytes(table)), { maxBytes: 1e7 }));
    expect(rows.map((row) => row.cells)).toEqual(table.map((row) => row.map((cell) => (typeof cell === "boolean" ? (cell ? "TRUE" : "FALSE") : String(cell)))));
  });

  it("writes a file another reader (read-excel-file) opens", async () => {
    const sheet = await readXlsxFile(Buffer.from(await toBytes(table)));
    expect(sheet[0]?.data).toEqual(table);
  });

  it("round-trips any table of strings", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.string({ unit: "binary", minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
        async (rows) => {
          const read = await collect(xlsxRows(bytesSource(await toBytes(rows)), { maxBytes: 1e7 }));
          expect(read.map((row) => row.cells)).toEqual(rows);
        },
      ),
      { numRuns: 50 },
    );
    // Fifty files written and read take about 4 s alone, more beside other suites.
  }, 30_000);

  it("refuses bytes that are not a zip, and a zip bomb past the limit", async () => {
    await expect(collect(xlsxRows(bytesSource(new TextEncoder().encode("email\nann@example.net\n")), { maxBytes: 1e7 }))).rejects.toMatchObject({
      code: "bad_xlsx",
    });
    const big = await toBytes(Array.from({ length: 2000 }, () => ["x".repeat(100)]));
    await expect(collect(xlsxRows(bytesSource(big), { maxBytes: 10_000 }))).rejects.toMatchObject({ code: "too_large" });
  });
});
