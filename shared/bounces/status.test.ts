import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findReplyCode, findStatus } from "./status";

describe("findStatus", () => {
  it.each([
    ["5.1.1", "5.1.1"],
    [" 4.02.002 ", "4.2.2"],
    ["smtp; 550 5.1.1 <a@example.org>: User unknown", "5.1.1"],
    ["sorry, no mailbox here by that name. (#5.1.1)", "5.1.1"],
    ["Remote host 10.4.5.6 said: 550 refused", null],
    ["mailer version 4.16.55.1", null],
    ["", null],
  ])("reads %j as %j", (text, status) => {
    expect(findStatus(text)).toBe(status);
  });

  it("returns a well-formed code or null for any text", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const status = findStatus(text);
        expect(status === null || /^[245]\.\d{1,3}\.\d{1,3}$/.test(status)).toBe(true);
      }),
    );
  });
});

describe("findReplyCode", () => {
  it.each([
    ["smtp; 550-5.1.1 The email account does not exist", 550],
    ["421 Service not available", 421],
    ["port 25 is closed", null],
    ["Status: 5.1.1", null],
  ])("reads %j as %j", (text, code) => {
    expect(findReplyCode(text)).toBe(code);
  });
});
