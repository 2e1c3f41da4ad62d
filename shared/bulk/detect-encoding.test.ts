import { describe, expect, it } from "vitest";
import { detectEncoding } from "./detect-encoding";
import { encodeAs } from "./testing/fixtures";

const CHINESE_SIMPLIFIED = "姓名,邮箱,电话\n王伟,wang.wei@example.cn,13800138000\n李娜,li.na@example.cn,13900139000\n张强,zhang@example.cn,\n";
const CHINESE_TRADITIONAL = "姓名,電子郵件,電話\n陳大文,chan@example.hk,91234567\n林美玲,lin@example.tw,0912345678\n黃志明,wong@example.hk,\n";
const JAPANESE = "氏名,メールアドレス,会社\n山田太郎,yamada@example.jp,株式会社テスト\n佐藤花子,sato@example.jp,\n";
const SPANISH = "nombre;correo electrónico\nJosé Núñez;jose@example.es\nMaría;maria@example.es\n";

describe("detectEncoding", () => {
  it.each([
    ["utf-8", CHINESE_SIMPLIFIED, "utf-8"],
    ["utf-8-bom", JAPANESE, "utf-8"],
    ["utf-16le-bom", CHINESE_TRADITIONAL, "utf-16le"],
    ["utf-16be-bom", CHINESE_TRADITIONAL, "utf-16be"],
    ["gbk", CHINESE_SIMPLIFIED, "gb18030"],
    ["big5", CHINESE_TRADITIONAL, "big5"],
    ["shift_jis", JAPANESE, "shift_jis"],
    ["windows-1252", SPANISH, "windows-1252"],
  ] as const)("reads %s bytes as %s", (encoding, text, expected) => {
    expect(detectEncoding(encodeAs(text, encoding))).toBe(expected);
  });

  it("tells short GBK and Big5 headers apart", () => {
    expect(detectEncoding(encodeAs("邮箱\n", "gbk"))).toBe("gb18030");
    expect(detectEncoding(encodeAs("電子郵件\n", "big5"))).toBe("big5");
    expect(detectEncoding(encodeAs("メール\n", "shift_jis"))).toBe("shift_jis");
  });

  it("takes UTF-8 cut off in the middle of a character as UTF-8", () => {
    const bytes = encodeAs("email,名字\n", "utf-8");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 3))).toBe("utf-8");
  });
});
