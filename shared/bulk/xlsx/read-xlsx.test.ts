import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../../gibberish/random";
import { bytesSource } from "../byte-source";
import { BulkInputError } from "../errors";
import { collect } from "../testing/fixtures";
import { fuzzRuns, fuzzTimeout } from "../testing/fuzz-runs";
import { repeated, sheetOf, xlsxOf } from "../testing/xlsx-fixtures";
import { xlsxRows } from "./read-xlsx";
import { writeXlsx } from "./write-xlsx";

const LIMITS = { maxBytes: 1 << 30 };
const read = async (bytes: Uint8Array) => (await collect(xlsxRows(bytesSource(bytes), LIMITS))).map((row) => row.cells);
const refusal = (bytes: Uint8Array) =>
  read(bytes).then(
    () => new Error("read"),
    (error: unknown) => error,
  );
/** `count` shared strings, each different, so they pack like real ones (not as a zip bomb). */
function* numbered(count: number): Generator<string> {
  for (let start = 0; start < count; start += 1000)
    yield Array.from({ length: Math.min(1000, count - start) }, (_, i) => `<si><t>${start + i}</t></si>`).join("");
}
/** `count` shared strings of `length` random letters, which pack no better than text. */
function* randomStrings(count: number, length: number): Generator<string> {
  const random = seededRandom(7);
  for (let index = 0; index < count; index++) yield `<si><t>${String.fromCharCode(...Array.from({ length }, () => random.int(97, 122)))}</t></si>`;
}
const inline = (reference: string, text: string) => `<c r="${reference}" t="inlineStr"><is><t>${text}</t></is></c>`;

// Files of millions of cells take seconds to write and read on a busy machine.
describe("xlsxRows against hostile files", { timeout: 60_000 }, () => {
  it("refuses a cell past column XFD or row 1,048,576, and reads XFD1048576 itself", async () => {
    for (const reference of ["ZZZZZZZ1", "XFE1", "A1048577", `A${"9".repeat(40)}`, "Z".repeat(5000)]) {
      expect(await refusal(await xlsxOf({ sheet: sheetOf([inline(reference, "x")]) }))).toMatchObject({
        code: "bad_xlsx",
        message: expect.stringContaining("past XFD1048576"),
      });
    }
    const [cells] = await read(await xlsxOf({ sheet: sheetOf([inline("XFD1048576", "ann@example.net")]) }));
    expect(cells).toHaveLength(16_384);
    expect(cells?.at(-1)).toBe("ann@example.net");
  });

  it("refuses a row of more than 16,384 cells without references", async () => {
    expect(await refusal(await xlsxOf({ sheet: sheetOf([[...repeated("<c><v>1</v></c>", 16_385)].join("")]) }))).toMatchObject({ code: "bad_xlsx" });
  });

  it("refuses a row holding more than 1 MiB of text, inline or shared", async () => {
    const long = "x".repeat(600_000);
    expect(await refusal(await xlsxOf({ sheet: sheetOf([inline("A1", long) + inline("B1", long)]) }))).toMatchObject({ code: "row_too_large" });
    const shared = await xlsxOf({
      sheet: sheetOf(['<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>0</v></c>']),
      sharedStrings: `<sst><si><t>${long}</t></si></sst>`,
    });
    expect(await refusal(shared)).toMatchObject({ code: "row_too_large" });
  });

  it("refuses a zip bomb: a sheet unpacking to over 200 times its packed size", async () => {
    const bomb = await xlsxOf({ sheet: repeated("<row/>", 20_000_000) });
    expect(bomb.byteLength).toBeLessThan(1 << 20);
    expect(await refusal(bomb)).toMatchObject({ code: "too_large", httpStatus: 413 });
  });

  it("refuses a shared strings table of over 1,000,000 strings or 16 MiB", async () => {
    const many = await xlsxOf({ sheet: sheetOf([inline("A1", "email")]), sharedStrings: ["<sst>", ...numbered(1_000_001), "</sst>"] });
    expect(await refusal(many)).toMatchObject({ code: "too_large", message: expect.stringContaining("1,000,000 strings") });
    const big = await xlsxOf({ sheet: sheetOf([inline("A1", "email")]), sharedStrings: ["<sst>", ...randomStrings(17_000, 1000), "</sst>"] });
    expect(await refusal(big)).toMatchObject({ code: "too_large", message: expect.stringContaining("bytes of text") });
  });

  it("refuses styles of more than 65,536 cell formats", async () => {
    const styles = ["<styleSheet><cellXfs>", ...repeated('<xf numFmtId="14"/>', 70_000), "</cellXfs></styleSheet>"];
    expect(await refusal(await xlsxOf({ sheet: sheetOf([inline("A1", "email")]), styles }))).toMatchObject({
      code: "bad_xlsx",
      message: expect.stringContaining("65,536 formats"),
    });
  });

  it("refuses a zip directory of more than 10,000 entries", async () => {
    expect(await refusal(await xlsxOf({ sheet: sheetOf([inline("A1", "email")]), extra: 10_001 }))).toMatchObject({
      code: "bad_xlsx",
      message: expect.stringContaining("10,000 files"),
    });
  });

  it("reads shared strings, rich text and inline strings as before", async () => {
    const bytes = await xlsxOf({
      sheet: sheetOf(['<c r="A1" t="s"><v>1</v></c><c r="C1" t="s"><v>0</v></c>', inline("B2", "x&amp;y")]),
      sharedStrings: "<sst><si><r><t>ann@</t></r><r><t>example.net</t></r><rPh><t>ア</t></rPh></si><si><t>邮箱</t></si><si/></sst>",
    });
    expect(await read(bytes)).toEqual([
      ["邮箱", "", "ann@example.net"],
      ["", "x&y"],
    ]);
  });
});

describe("xlsxRows on any cell reference", () => {
  it("reads a cell within XFD1048576 at its column, and refuses one past it", async () => {
    const referenceArb = fc.tuple(fc.string({ unit: fc.constantFrom(..."ABCDEFXZ"), minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 2_000_000 }));
    await fc.assert(
      fc.asyncProperty(referenceArb, async ([letters, row]) => {
        const column = [...letters].reduce((value, letter) => value * 26 + letter.charCodeAt(0) - 64, 0) - 1;
        const outcome = await read(await xlsxOf({ sheet: sheetOf([inline(`${letters}${row}`, "ann@example.net")]) })).catch((error: unknown) => error);
        if (column < 16_384 && row <= 1_048_576) expect(outcome).toEqual([[...Array.from({ length: column }, () => ""), "ann@example.net"]]);
        else expect(outcome).toMatchObject({ code: "bad_xlsx" });
      }),
      { numRuns: 100 },
    );
  });
});

describe("xlsxRows on any bytes", () => {
  it(
    "ends with rows or a BulkInputError, never another error, however a real file is damaged (fuzz)",
    async () => {
      const chunks = await collect(
        writeXlsx(
          "Results",
          (async function* () {
            yield ["email", "name"];
            yield ["ann@example.net", "Ann & <Bo>"];
            yield [true, 42];
          })(),
        ),
      );
      const original = new Uint8Array(await new Blob(chunks).arrayBuffer());
      const editArb = fc.array(fc.tuple(fc.nat(original.byteLength - 1), fc.integer({ min: 0, max: 255 }), fc.constantFrom("set", "cut", "insert")), {
        minLength: 1,
        maxLength: 6,
      });
      await fc.assert(
        fc.asyncProperty(editArb, async (edits) => {
          let bytes = original;
          for (const [at, value, kind] of edits) {
            const offset = Math.min(at, bytes.byteLength - 1);
            if (kind === "set") (bytes = bytes.slice()), (bytes[offset] = value);
            else if (kind === "cut") bytes = new Uint8Array([...bytes.subarray(0, offset), ...bytes.subarray(offset + 1 + (value % 16))]);
            else bytes = new Uint8Array([...bytes.subarray(0, offset), value, ...bytes.subarray(offset)]);
            if (bytes.byteLength === 0) return;
          }
          const outcome = await read(bytes).catch((error: unknown) => error);
          if (!Array.isArray(outcome)) expect(outcome).toBeInstanceOf(BulkInputError);
        }),
        { numRuns: fuzzRuns(200) },
      );
    },
    fuzzTimeout(),
  );
});
