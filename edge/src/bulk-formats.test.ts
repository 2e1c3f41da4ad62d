import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { bytesSource, readTable, resultsXlsx, type ResultRow } from "../../shared/bulk";
import { xlsxRows } from "../../shared/bulk/xlsx/read-xlsx";

// The bulk formats run where the queue consumers will: workerd's TextDecoder legacy encodings,
// papaparse, and DecompressionStream/CompressionStream for XLSX. The GBK, Big5 and Shift-JIS
// bytes are written here by iconv-lite, in the test only.
const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe("bulk formats in workerd", () => {
  it.each([
    ["gbk", "姓名;邮箱\n王伟;wang@example.cn\n", "邮箱"],
    ["big5", "姓名\t電子郵件\n陳大文\tchan@example.hk\n", "電子郵件"],
    ["shift_jis", "氏名,メールアドレス\n山田太郎,yamada@example.jp\n", "メールアドレス"],
  ])("reads a %s CSV", async (encoding, text, header) => {
    const table = await readTable(bytesSource(new Uint8Array(iconv.encode(text, encoding))), { maxBytes: 1e6, maxRows: 10 });
    expect(table.columns[1]).toBe(header);
    expect((await collect(table.rows))[0]?.email).toMatch(/@example\./);
  });

  it("writes an XLSX and reads it back", async () => {
    async function* results(): AsyncGenerator<ResultRow> {
      yield {
        row: 0,
        cells: ["山田", "yamada@example.jp"],
        email: "yamada@example.jp",
        verdict: "deliverable",
        reason: "accepted",
        flags: { disposable: false, role: false, free: false, catch_all: false, gibberish: false },
        suggestion: null,
      };
    }
    const bytes = new Uint8Array(await new Blob(await collect(resultsXlsx(["氏名", "email"], results()))).arrayBuffer());
    const rows = await collect(xlsxRows(bytesSource(bytes), { maxBytes: 1e6 }));
    expect(rows[1]?.cells.slice(0, 4)).toEqual(["山田", "yamada@example.jp", "deliverable", "accepted"]);
  });
});
