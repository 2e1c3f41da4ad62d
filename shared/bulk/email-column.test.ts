import { describe, expect, it } from "vitest";
import { findEmailColumn } from "./email-column";

describe("findEmailColumn", () => {
  it.each([
    ["Email"],
    ["E-Mail"],
    ["MAIL"],
    ["Email Address"],
    ["e_mail"],
    ["Correo electrónico"],
    ["Courriel"],
    ["E-Mail-Adresse"],
    ["邮箱"],
    ["电子邮件"],
    ["電子郵件"],
    ["メール"],
    ["メールアドレス"],
    ["이메일"],
    ["Почта"],
    ["Электронная почта"],
  ])("finds the header %j", (header) => {
    expect(
      findEmailColumn([
        ["id", "name", header],
        ["1", "Ann", "not checked here"],
      ]),
    ).toEqual({ column: 2, hasHeader: true });
  });

  it("finds the column by its content when the header says nothing, and sees the header", () => {
    const records = [["who", "contact"], ...Array.from({ length: 10 }, (_, i) => [`P${i}`, `p${i}@example.net`]), ["Q", "call me"]];
    expect(findEmailColumn(records)).toEqual({ column: 1, hasHeader: true });
  });

  it("takes a file without a header as data", () => {
    expect(
      findEmailColumn([
        ["ann@example.net", "Ann"],
        ["bob@example.net", "Bob"],
      ]),
    ).toEqual({ column: 0, hasHeader: false });
  });

  it("names the columns it found when none holds addresses", () => {
    expect(() =>
      findEmailColumn([
        ["name", "phone"],
        ["Ann", "555"],
      ]),
    ).toThrow(/No column of e-mail addresses.*"name", "phone"/);
    expect(() => findEmailColumn([["name", "phone"]])).toThrow(expect.objectContaining({ code: "no_email_column" }));
  });

  it("never quotes an address from the data in its error", () => {
    expect(() =>
      findEmailColumn([
        ["secret@example.net x", "1"],
        ["y", "2"],
      ]),
    ).toThrow(expect.not.objectContaining({ message: expect.stringContaining("secret") }));
  });
});
