import { describe, expect, it } from "vitest";
import { REASONS, type Reason, verdictOf } from "../../../shared/contract/taxonomy";
import { reasonOf, REPLY_CLASSES, type ReplyClass } from "./reply-class";

const isReason = (replyClass: ReplyClass): replyClass is ReplyClass & Reason => (REASONS as readonly string[]).includes(replyClass);

/** Classes a server gives for now only: trying later may get another answer. */
const TEMPORARY: readonly ReplyClass[] = ["greylisted", "rate_limited", "too_many_recipients", "temporary_failure"];

describe("reasonOf", () => {
  it("maps every class to a reason of the contract", () => {
    for (const replyClass of REPLY_CLASSES) expect(REASONS).toContain(reasonOf(replyClass));
  });

  it("keeps a class that is also a reason of the contract as that reason", () => {
    const same = REPLY_CLASSES.filter(isReason);
    expect(same.length).toBeGreaterThan(0);
    for (const replyClass of same) expect(reasonOf(replyClass)).toBe(replyClass);
  });

  it("makes an address deliverable when the server shows its mailbox exists, even while it throttles it", () => {
    expect(verdictOf(reasonOf("exists_but_throttled"))).toBe("deliverable");
  });

  it("never decides the mailbox from a relay refusal, which is the host's policy", () => {
    expect(verdictOf(reasonOf("relay_denied"))).toBe("unknown");
    expect(reasonOf("relay_denied")).toBe(reasonOf("blocked"));
  });

  it("leaves an address unknown on a reply that holds for now only, so it can be tried again", () => {
    for (const replyClass of TEMPORARY) expect([replyClass, verdictOf(reasonOf(replyClass))]).toEqual([replyClass, "unknown"]);
  });

  it("makes an address undeliverable only when the server says its mailbox is missing or disabled", () => {
    const undeliverable = REPLY_CLASSES.filter((replyClass) => verdictOf(reasonOf(replyClass)) === "undeliverable");
    expect(undeliverable.sort()).toEqual(["mailbox_disabled", "mailbox_not_found"]);
  });
});
