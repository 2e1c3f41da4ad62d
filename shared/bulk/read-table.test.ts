import { describe, expect, it } from "vitest";
import { bytesSource } from "./byte-source";
import { readTable } from "./read-table";
import { collect, encodeAs } from "./testing/fixtures";
import { writeXlsx } from "./xlsx/write-xlsx";

const LIMITS = { maxBytes: 10_000_000, maxRows: 1_000 };
const open = (bytes: Uint8Array, limits = LIMITS) => readTable(bytesSource(bytes), limits);

describe("readTable", () => {
  it("reads a GBK CSV with a Chinese header past the detection sample, in order", async () => {
    const lines = Array.from({ length: 250 }, (_, i) => `王伟${i};w${i}@example.cn`);
    const table = await open(encodeAs(`姓名;邮箱\r\n${lines.join("\r\n")}\r\n`, "gbk"));
    expect(table).toMatchObject({ format: "csv", columns: ["姓名", "邮箱"], emailColumn: 1 });
    const rows = await collect(table.rows);
    expect(rows).toHaveLength(250);
    expect(rows[249]).toEqual({ row: 249, cells: ["王伟249", "w249@example.cn"], email: "w249@example.cn" });
  });

  it("decides the column from at most 2 Mi characters of records, and still reads every row", async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `r${i}@example.net,${"n".repeat(400_000)}`);
    const table = await open(new TextEncoder().encode(`email,note\n${lines.join("\n")}\n`));
    expect(table.emailColumn).toBe(0);
    expect((await collect(table.rows)).map((row) => row.email)).toEqual(lines.map((_, i) => `r${i}@example.net`));
  });

  it("reads an XLSX, told by its bytes", async () => {
    async function* sheet() {
      yield ["Name", "Correo"];
      yield ["Ana", " ana@example.es "];
    }
    const bytes = new Uint8Array(await new Blob(await collect(writeXlsx("Sheet1", sheet()))).arrayBuffer());
    const table = await open(bytes);
    expect(table).toMatchObject({ format: "xlsx", columns: ["Name", "Correo"], emailColumn: 1 });
    expect(await collect(table.rows)).toEqual([{ row: 0, cells: ["Ana", " ana@example.es "], email: "ana@example.es" }]);
  });

  it("names columns of a file without a header", async () => {
    const table = await open(encodeAs("ann@example.net,Ann\nbob@example.net\n", "utf-8"));
    expect(table.columns).toEqual(["column 1", "column 2"]);
    expect((await collect(table.rows)).map((row) => row.row)).toEqual([0, 1]);
  });

  it.each([
    ["an empty file", "", "empty"],
    ["blank lines only", "\r\n\r\n", "no_rows"],
    ["a header only", "email\r\n", "no_rows"],
    ["no e-mail column", "name,phone\nAnn,555\n", "no_email_column"],
  ])("refuses %s", async (_, text, code) => {
    await expect(open(encodeAs(text, "utf-8"))).rejects.toMatchObject({ code });
  });

  it("refuses a file over the byte limit (413) and stops at the row limit (413)", async () => {
    const csv = encodeAs(`email\n${"a@example.net\n".repeat(300)}`, "utf-8");
    await expect(open(csv, { maxBytes: 100, maxRows: 10 })).rejects.toMatchObject({ code: "too_large", httpStatus: 413 });
    const table = await open(csv, { maxBytes: 1e6, maxRows: 200 });
    await expect(collect(table.rows)).rejects.toMatchObject({ code: "too_many_rows", httpStatus: 413 });
  });
});
