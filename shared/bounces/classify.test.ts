import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type BounceInput, classifyBounce } from "./classify";

describe("classifyBounce", () => {
  // Real wordings, and the traps where text and code disagree.
  it.each<[string, BounceInput, "hard" | "soft", string]>([
    ["Gmail unknown user", { status: "5.1.1", text: "550-5.1.1 The email account that you tried to reach does not exist." }, "hard", "user_unknown"],
    ["qmail", { text: "Sorry, no mailbox here by that name. (#5.1.1)" }, "hard", "user_unknown"],
    ["Yandex 5.7.1 no such user", { text: "550 5.7.1 No such user!" }, "hard", "user_unknown"],
    ["Null MX", { status: "5.1.10", text: "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup" }, "hard", "user_unknown"],
    ["Postfix no host", { status: "5.4.4", text: "Host or domain name not found. Name service error for name=example.invalid type=A" }, "hard", "host_unknown"],
    ["bare 5.1.2", { status: "5.1.2", text: "" }, "hard", "host_unknown"],
    ["moved", { status: "5.1.6", text: "551 5.1.6 Recipient address has moved" }, "hard", "mailbox_moved"],
    ["disabled", { status: "5.2.1", text: "550 5.2.1 The email account that you tried to reach is disabled." }, "hard", "mailbox_disabled"],
    ["syntax", { status: "5.1.3", text: "501 5.1.3 Bad recipient address syntax" }, "hard", "invalid_address"],
    [
      "4.x.x user unknown is soft",
      { status: "4.1.1", text: "450 4.1.1 <a@example.org>: Recipient address rejected: User unknown" },
      "soft",
      "temporary_failure",
    ],
    ["4xx reply without status", { text: "451 User unknown, try later" }, "soft", "temporary_failure"],
    ["delay DSN", { status: "5.1.1", action: "delayed", text: "User unknown" }, "soft", "temporary_failure"],
    [
      "Gmail NXDOMAIN 4.0.0",
      { status: "4.0.0", text: "DNS Error: DNS type 'mx' lookup of example.org responded with code NXDOMAIN" },
      "soft",
      "temporary_failure",
    ],
    ["5.1.1 over quota", { status: "5.1.1", text: "550 5.1.1 <a@example.org>... User is over quota temporarily" }, "soft", "mailbox_full"],
    ["quota under 5.x", { status: "5.0.0", text: "552 Requested mail action aborted: exceeded storage allocation (quota)" }, "soft", "mailbox_full"],
    ["too many recipients", { status: "5.1.1", text: "550 5.1.1 has sent to too many recipients this hour" }, "soft", "rate_limited"],
    ["preferences", { status: "5.1.1", text: "550 5.1.1 RCP-P2 Refused due to recipient preferences" }, "soft", "policy_block"],
    ["spamhaus under 5.1.3", { status: "5.1.3", text: "550 5.1.3 Client host rejected, listed at zen.spamhaus.org" }, "soft", "spam_block"],
    ["sender rejected", { status: "5.1.8", text: "553 5.1.8 <s@example.com>: Sender address rejected: Domain not found" }, "soft", "policy_block"],
    ["SES full inside 5.1.0", { status: "5.1.0", text: "smtp; 5.1.0 - Unknown address error 552-'5.2.2 Mailbox Full'" }, "soft", "mailbox_full"],
    [
      "Gmail rate",
      { text: "550-5.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages" },
      "soft",
      "rate_limited",
    ],
    ["DMARC", { status: "5.7.26", text: "550 5.7.26 Unauthenticated email is not accepted due to domain's DMARC policy" }, "soft", "policy_block"],
    ["bare 5.7.1", { status: "5.7.1", text: "554 5.7.1 Rejected" }, "soft", "policy_block"],
    ["bare 550", { text: "550 Requested action not taken" }, "soft", "unclassified"],
    ["nothing at all", {}, "soft", "unclassified"],
    ["DSN 5.0.0 with a finer diagnostic", { status: "5.0.0", text: "smtp; 550 5.1.1 Requested action not taken" }, "hard", "user_unknown"],
    [
      "SES General defers to text",
      { hint: { provider: "ses", type: "Permanent", subType: "General" }, text: "550 5.1.1 user unknown" },
      "hard",
      "user_unknown",
    ],
    ["Mailgun temporary", { hint: { provider: "mailgun", type: "temporary" }, text: "550 5.1.1 user unknown" }, "soft", "temporary_failure"],
  ])("%s", (_name, input, kind, reason) => {
    const result = classifyBounce(input);
    expect({ kind: result.kind, reason: result.reason }).toEqual({ kind, reason });
  });

  it("implies the class of a bounce without an enhanced code from its reply code or action", () => {
    expect(classifyBounce({ text: "550 Requested action not taken" }).status).toBe("5.0.0");
    expect(classifyBounce({ text: "Unrouteable address", action: "failed" }).status).toBe("5.0.0");
    expect(classifyBounce({ text: "Connection timed out", action: "delayed" }).status).toBe("4.0.0");
    expect(classifyBounce({ text: "Connection timed out" }).status).toBeNull();
  });

  const anyInput = fc.record(
    {
      status: fc.option(fc.oneof(fc.string(), fc.constantFrom("5.1.1", "4.2.2", "5.7.1", "5.0.0"))),
      code: fc.option(fc.integer({ min: 0, max: 999 })),
      text: fc.option(fc.oneof(fc.string(), fc.constantFrom("User unknown", "no such user", "Host not found", "quota"))),
      action: fc.option(fc.constantFrom("failed", "delayed", "relayed", "")),
    },
    { requiredKeys: [] },
  );

  it("never throws and always gives a kind, a reason and a rule", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = classifyBounce(input);
        expect(["hard", "soft"]).toContain(result.kind);
        expect(result.rule).not.toBe("");
      }),
    );
  });

  it("never calls a 4.x.x status, a 4xx reply or a delay hard", () => {
    const temporary = fc.oneof(
      fc.record({ status: fc.constantFrom("4.1.1", "4.0.0", "4.1.2", "4.2.1"), text: fc.string() }),
      fc.record({ code: fc.integer({ min: 400, max: 499 }), text: fc.constantFrom("user unknown", "no such domain", "") }),
      fc.record({ action: fc.constant("delayed"), status: fc.constant("5.1.1"), text: fc.string() }),
    );
    fc.assert(
      fc.property(temporary, (input) => {
        expect(classifyBounce(input).kind).toBe("soft");
      }),
    );
  });
});
