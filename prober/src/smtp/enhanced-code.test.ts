import { describe, expect, it } from "vitest";
import { findCodeInText, splitLeadingCode } from "./enhanced-code";

describe("splitLeadingCode", () => {
  it("splits a code whose class agrees with the basic code", () => {
    expect(splitLeadingCode("5.1.1 <a@b.example>: Recipient address rejected", 550)).toEqual({
      enhanced: "5.1.1",
      text: "<a@b.example>: Recipient address rejected",
    });
    expect(splitLeadingCode("2.1.5", 250)).toEqual({ enhanced: "2.1.5", text: "" });
    expect(splitLeadingCode("4.7.500 Server busy", 451)).toEqual({ enhanced: "4.7.500", text: "Server busy" });
  });

  it("leaves the text alone when there is no code, or its class disagrees", () => {
    expect(splitLeadingCode("SC-001 (SNT004-MC4F53) Unfortunately", 550).enhanced).toBeNull();
    expect(splitLeadingCode("4.2.2 Mailbox full", 552)).toEqual({ enhanced: null, text: "4.2.2 Mailbox full" });
    expect(splitLeadingCode("5.1.1User unknown", 550).enhanced).toBeNull();
    expect(splitLeadingCode("8BITMIME", 250).enhanced).toBeNull();
  });
});

describe("findCodeInText", () => {
  it.each([
    ["#5.1.0 Address rejected.", 550, "5.1.0"],
    ["sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)", 553, "5.7.1"],
    ["Mail from 192.0.2.2 not allowed - 5.7.1 [BL23] Connections not accepted", 553, "5.7.1"],
    ["VS1-IP Excessive unknown recipients - possible Open Relay More information (#4.1.8)", 451, "4.1.8"],
    ["qq temporary problem (#4.3.0)", 451, "4.3.0"],
  ] as const)("finds the code in %j", (text, code, expected) => {
    expect(findCodeInText(text, code)).toBe(expected);
  });

  it.each([
    ["Mailbox not found. [token== IP: 198.51.100.1]", 550],
    ["relay 10.4.5.6 said no", 550],
    ["temporarily deferred - 4.16.55.1; see https://postmaster.example", 421],
    ["see 5.7.1 for details", 451],
  ] as const)("finds no code in %j", (text, code) => {
    expect(findCodeInText(text, code)).toBeNull();
  });
});
