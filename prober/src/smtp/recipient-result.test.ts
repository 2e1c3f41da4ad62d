import { describe, expect, it } from "vitest";
import { resultFromFailure, resultFromReply, unsupportedResult } from "./recipient-result";
import { SmtpError, type SmtpErrorCode } from "./smtp-error";

const failure = (code: SmtpErrorCode, details: Partial<ConstructorParameters<typeof SmtpError>[2]> = {}) =>
  new SmtpError(code, "test", { command: "RCPT TO", stage: "rcpt", ...details });

describe("recipient results", () => {
  it("classify a reply, and use an enhanced code found in its text", () => {
    const result = resultFromReply(
      "a@example.org",
      {
        code: 511,
        enhanced: null,
        lines: ["sorry, no mailbox here by that name (#5.1.1 - chkuser)"],
        text: "sorry, no mailbox here by that name (#5.1.1 - chkuser)",
      },
      "rcpt",
    );
    expect(result).toMatchObject({ stage: "rcpt", code: 511, enhanced: "5.1.1", class: "mailbox_not_found", reason: "mailbox_not_found", error: null });
  });

  it("classify the reply that refused a whole session at its stage", () => {
    const refused = failure("EREFUSED", {
      command: "CONNECT",
      stage: "connect",
      response: "Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7",
      responseCode: 554,
    });
    expect(resultFromFailure("a@example.org", refused)).toMatchObject({ stage: "connect", code: 554, class: "blocked", reason: "blocked", error: "EREFUSED" });
  });

  it.each([
    ["ETIMEDOUT_DEADLINE", "timeout"],
    ["ETIMEDOUT_GREETING", "timeout"],
    ["ETIMEDOUT_COMMAND", "timeout"],
    ["ETIMEDOUT_CONNECT", "no_connect"],
    ["ECONNECTION", "no_connect"],
    ["EDISCONNECTED", "error"],
    ["EPROTOCOL", "error"],
    ["ETLS", "error"],
  ] as const)("give %s the reason %s", (code, reason) => {
    expect(resultFromFailure("a@example.org", failure(code))).toMatchObject({ class: null, reason, error: code });
  });

  it("call a never-sent address unsupported", () => {
    expect(unsupportedResult("δοκιμή@example.org")).toMatchObject({ reason: "unsupported", code: null, error: null });
  });
});
