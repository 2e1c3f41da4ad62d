import { describe, expect, it } from "vitest";
import { resultFromFailure, resultFromReply, type RecipientResult } from "../smtp/recipient-result";
import { SmtpError } from "../smtp/smtp-error";
import { lessonsOf } from "./session-lessons";

const FRESH = { recipients: 0, errors: 0, transactions: 0 };

function reply(code: number, text: string, waitedMs = 5): RecipientResult {
  const enhanced = /^\d\.\d+\.\d+/.exec(text)?.[0] ?? null;
  return { ...resultFromReply("a@example.org", { code, enhanced, lines: [text], text }, "rcpt"), waitedMs };
}
const ok = (waitedMs?: number) => reply(250, "2.1.5 Ok", waitedMs);
const unknown = (waitedMs?: number) => reply(550, "5.1.1 User unknown", waitedMs);

describe("lessonsOf.transaction", () => {
  it("counts what the session spent, and calls a batch without a word about our rate clean", () => {
    const lesson = lessonsOf.transaction([ok(), unknown(), ok()], { recipients: 2, errors: 1, transactions: 1 });
    expect(lesson).toEqual({ counts: { recipients: 5, errors: 2, transactions: 2 }, tolerance: null, throttled: false, clean: true });
  });

  it("learns an error limit from a 421 after refusals", () => {
    const closing = reply(421, "4.7.0 mx.example.org Error: too many errors");
    const lesson = lessonsOf.transaction([unknown(), unknown(), closing, closing], { recipients: 3, errors: 3, transactions: 1 });
    expect(lesson.tolerance).toEqual({ errorsPerSession: 4 });
  });

  it("learns an error limit from a disconnect after refusals, but not from one without any", () => {
    const dropped = resultFromFailure("a@example.org", new SmtpError("EDISCONNECTED", "closed", { command: "RCPT TO", stage: "rcpt" }));
    expect(lessonsOf.transaction([unknown(), unknown(), unknown(), dropped], FRESH).tolerance).toEqual({ errorsPerSession: 2 });
    expect(lessonsOf.transaction([ok(), dropped], FRESH).tolerance).toBeNull();
  });

  it("tells a tarpit (slow from the first refusal) from a soft error limit (slow once refusals began)", () => {
    expect(lessonsOf.transaction([ok(), unknown(3000), ok()], FRESH).tolerance).toEqual({ tarpit: true });
    expect(lessonsOf.transaction([unknown(), unknown(), unknown(), ok(1200)], FRESH).tolerance).toEqual({ errorsPerSession: 2 });
    expect(lessonsOf.transaction([ok(1500), ok()], FRESH).tolerance).toBeNull();
    // A server that buffers its replies (Postfix) sends the slow group's all at once.
    expect(lessonsOf.transaction([ok(6000), unknown(0), ok(0)], FRESH).tolerance).toEqual({ tarpit: true });
  });

  it("learns a transaction's size from '452 4.5.3' after some recipients, and a session's when it comes first", () => {
    const tooMany = reply(452, "4.5.3 Error: too many recipients");
    expect(lessonsOf.transaction([ok(), ok(), ok(), tooMany, tooMany], FRESH).tolerance).toEqual({ recipientsPerTransaction: 3 });
    expect(lessonsOf.transaction([tooMany], { recipients: 1, errors: 0, transactions: 1 }).tolerance).toEqual({ recipientsPerSession: 1 });
  });

  it("slows down at a throttling reply", () => {
    const throttle = reply(451, "4.7.1 Rate limit exceeded, slow down");
    expect(lessonsOf.transaction([ok(), throttle], FRESH)).toMatchObject({ throttled: true, clean: false });
  });
});

describe("lessonsOf.refusedSession", () => {
  const refused = (code: number, text: string) =>
    new SmtpError("EREFUSED", "refused", { command: "CONNECT", stage: "connect", response: text, responseCode: code, enhancedCode: null });

  it("learns how many sessions a server takes when it refuses one more than we had", () => {
    expect(lessonsOf.refusedSession(refused(421, "mx.example.org Error: too many connections from 192.0.2.7"), 1)).toEqual({
      tolerance: { sessions: 1 },
      throttled: true,
      clean: false,
    });
  });

  it("learns no session limit when none of ours was open, and nothing from a failure without a reply", () => {
    expect(lessonsOf.refusedSession(refused(421, "Error: too many connections"), 0).tolerance).toBeNull();
    const timeout = new SmtpError("ETIMEDOUT_CONNECT", "no answer", { command: "CONNECT", stage: "connect" });
    expect(lessonsOf.refusedSession(timeout, 3)).toEqual({ tolerance: null, throttled: false, clean: false });
  });
});
