import { describe, expect, it } from "vitest";
import { REASONS } from "../../../shared/contract/taxonomy";
import { reasonOf, REPLY_CLASSES } from "./reply-class";

describe("reasonOf", () => {
  it("maps every class to a reason of the contract", () => {
    for (const replyClass of REPLY_CLASSES) expect(REASONS).toContain(reasonOf(replyClass));
  });

  it("maps the classes as the contract reads them", () => {
    expect(Object.fromEntries(REPLY_CLASSES.map((replyClass) => [replyClass, reasonOf(replyClass)]))).toEqual({
      accepted: "accepted",
      mailbox_not_found: "mailbox_not_found",
      mailbox_disabled: "mailbox_disabled",
      mailbox_full: "mailbox_full",
      exists_but_throttled: "accepted",
      greylisted: "greylisted",
      rate_limited: "deferred",
      blocked: "blocked",
      relay_denied: "blocked",
      too_many_recipients: "deferred",
      temporary_failure: "deferred",
    });
  });
});
