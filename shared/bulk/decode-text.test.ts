import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text";
import { BulkInputError } from "./errors";
import { collect, encodeAs, inChunks } from "./testing/fixtures";

const decodeAll = async (bytes: Uint8Array, chunkSize = 5) => (await collect(decodeText(inChunks(bytes, chunkSize)))).join("");

describe("decodeText", () => {
  it.each(["utf-8", "utf-8-bom", "utf-16le-bom", "utf-16be-bom"] as const)("decodes %s and drops the byte-order mark", async (encoding) => {
    const text = "email,名前\nann@example.net,アン\n";
    expect(await decodeAll(encodeAs(text, encoding), 3)).toBe(text);
  });

  it.each([
    ["gbk", "邮箱,姓名\n", "王伟"],
    ["big5", "電子郵件,姓名\n", "陳大文"],
    ["shift_jis", "メールアドレス,氏名\n", "山田太郎"],
  ] as const)("decodes %s past the sample, split anywhere", async (encoding, header, name) => {
    // Over 64 KiB, so the rows after the sample are decoded as they arrive.
    const text = header + `someone@example.net,${name}\n`.repeat(3000);
    expect(await decodeAll(encodeAs(text, encoding), 4099)).toBe(text);
  });

  it("yields nothing for an empty upload", async () => {
    expect(await decodeAll(new Uint8Array())).toBe("");
  });

  it.each([
    ["a zip (an XLSX sent as CSV)", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])],
    ["a PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])],
  ])("refuses %s as binary", async (_, bytes) => {
    await expect(decodeAll(bytes)).rejects.toMatchObject({ code: "binary" });
  });

  it("ends with text or a BulkInputError for any bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.integer({ min: 1, max: 300 }), async (bytes, chunkSize) => {
        try {
          expect(typeof (await decodeAll(bytes, chunkSize))).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(BulkInputError);
        }
      }),
    );
  });
});
