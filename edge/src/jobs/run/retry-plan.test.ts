import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Reason } from "../../../../shared/contract/taxonomy";
import { composeResult } from "../../../../shared/verify/compose";
import { checkOffline } from "../../../../shared/verify/offline";
import type { AddressVerification } from "../../verify";
import { planRetries, retryWait } from "./retry-plan";

const MX = [{ host: "mx.mailvet-fixture.net", preference: 10 }];
const LIMITS = { greylisted: 5, temporary: 3, prober: 3, maxWaitSeconds: 3_600 };
const FIRST_TRY = { greylisted: 0, temporary: 0, prober: 0 };
const PROBERS = ["eu1", "us1", "ap1"];

/** What the prober answered for an address: a reply (with its code), or none (a timeout, no connection). */
interface Answer {
  reason: Reason;
  code?: number;
  retryAfter?: number;
  /** No prober answered at all. */
  proberFailed?: boolean;
  /** The probers whose answer was a block reply. */
  blockedBy?: string[];
}

/** A chunk's verification as verifyGroup gives it, one address per answer, at one domain. */
function group(answers: Answer[], email = (index: number) => `user${index}@mailvet-fixture.net`): AddressVerification[] {
  return answers.map(({ reason, code, retryAfter, proberFailed, blockedBy }, index) => ({
    result: composeResult({
      email: email(index),
      offline: checkOffline(email(index)),
      mx: MX,
      smtp: {
        reason,
        info: proberFailed ? { performed: false } : { performed: code !== undefined, ...(code !== undefined && { code }), prober: "eu1", duration_ms: 5 },
      },
      startedAt: Date.now(),
    }),
    retryAfter: retryAfter ?? null,
    proberFailure: proberFailed ? { tried: ["eu1"] } : null,
    blockedBy: blockedBy ?? [],
  }));
}

describe("which answers of a chunk stand, and which go back on the queue", () => {
  it("sends back what a session left undecided, and keeps the answers it gave before it broke", () => {
    // A server answered two addresses, then the session broke: a timeout, a 421, a dropped connection.
    const chunk = group([
      { reason: "accepted", code: 250 },
      { reason: "mailbox_not_found", code: 550 },
      { reason: "timeout" },
      { reason: "deferred", code: 421 },
      { reason: "error" },
      { reason: "no_connect" },
    ]);
    expect(planRetries(chunk, FIRST_TRY, LIMITS, PROBERS)).toEqual({
      final: [0, 1],
      retries: [{ kind: "temporary", indexes: [2, 3, 4, 5], waitSeconds: 60, avoid: [] }],
    });
  });

  it("sends blocked addresses back to a prober that has not met the block, later, until the prober retries run out", () => {
    const chunk = group([
      { reason: "blocked", code: 554, blockedBy: ["eu1", "us1"] },
      { reason: "accepted", code: 250 },
      // A block no prober met (a route that passed none) has nothing to go round: it stands.
      { reason: "blocked", code: 554 },
    ]);
    expect(planRetries(chunk, FIRST_TRY, LIMITS, PROBERS)).toEqual({
      final: [1, 2],
      retries: [{ kind: "prober", indexes: [0], waitSeconds: 60, avoid: ["eu1", "us1"] }],
    });
    expect(planRetries(chunk, { ...FIRST_TRY, prober: 1 }, LIMITS, PROBERS).retries[0]?.waitSeconds).toBe(120);
    expect(planRetries(chunk, { ...FIRST_TRY, prober: LIMITS.prober }, LIMITS, PROBERS)).toEqual({ final: [0, 1, 2], retries: [] });
    // Every prober met the block: it stands, and the job does not wait on it.
    expect(planRetries(chunk, FIRST_TRY, LIMITS, ["eu1", "us1"])).toEqual({ final: [0, 1, 2], retries: [] });
  });

  it("sends back a chunk that only timed out: the server took the connection (a tarpit)", () => {
    expect(planRetries(group([{ reason: "timeout" }, { reason: "timeout" }]), FIRST_TRY, LIMITS, PROBERS).final).toEqual([]);
  });

  it("does not wait for a server that could not be reached at all", () => {
    const chunk = group([{ reason: "no_connect" }, { reason: "no_connect" }, { reason: "dns_error" }]);
    expect(planRetries(chunk, FIRST_TRY, LIMITS, PROBERS)).toEqual({ final: [0, 1, 2], retries: [] });
  });

  it("lets a temporary answer stand once its retries ran out, with waits that grew on the way", () => {
    const chunk = group([{ reason: "mailbox_not_found", code: 550 }, { reason: "timeout" }]);
    const waits = [0, 1, 2].map((attempt) => planRetries(chunk, { ...FIRST_TRY, temporary: attempt }, LIMITS, PROBERS).retries[0]?.waitSeconds);
    expect(waits).toEqual([60, 120, 240]);
    expect(planRetries(chunk, { ...FIRST_TRY, temporary: 3 }, LIMITS, PROBERS)).toEqual({ final: [0, 1], retries: [] });
  });

  it("retries greylisting early when the server states no delay, and honours a stated one", () => {
    const unstated = group([{ reason: "greylisted", code: 450 }]);
    const waits = [0, 1, 2, 3, 4].map((attempt) => planRetries(unstated, { ...FIRST_TRY, greylisted: attempt }, LIMITS, PROBERS).retries[0]?.waitSeconds);
    expect(waits).toEqual([60, 120, 240, 480, 960]);
    expect(planRetries(unstated, { ...FIRST_TRY, greylisted: 5 }, LIMITS, PROBERS)).toEqual({ final: [0], retries: [] });
    // A chunk goes back once, after the longest delay any of its addresses was given.
    const stated = group([
      { reason: "greylisted", code: 450, retryAfter: 300 },
      { reason: "greylisted", code: 450, retryAfter: 200 },
    ]);
    expect(planRetries(stated, FIRST_TRY, LIMITS, PROBERS).retries).toEqual([{ kind: "greylisted", indexes: [0, 1], waitSeconds: 300, avoid: [] }]);
    expect(planRetries(stated, FIRST_TRY, { ...LIMITS, maxWaitSeconds: 20 }, PROBERS).retries[0]?.waitSeconds).toBe(20);
  });

  it("sends work no prober answered to another prober, apart from the server's answers", () => {
    const chunk = group([
      { reason: "timeout", proberFailed: true },
      { reason: "greylisted", code: 450 },
    ]);
    expect(planRetries(chunk, FIRST_TRY, LIMITS, PROBERS).retries).toEqual([
      { kind: "prober", indexes: [0], waitSeconds: 5, avoid: ["eu1"] },
      { kind: "greylisted", indexes: [1], waitSeconds: 60, avoid: [] },
    ]);
    expect(planRetries(chunk, { ...FIRST_TRY, prober: 3 }, LIMITS, PROBERS).final).toEqual([0]);
  });

  it("never holds back what the edge decided without the server (a disposable domain)", () => {
    const chunk = group([{ reason: "timeout" }, { reason: "accepted", code: 250 }], (index) => `user${index}@mailinator.com`);
    expect(planRetries(chunk, FIRST_TRY, LIMITS, PROBERS)).toEqual({ final: [0, 1], retries: [] });
  });

  it("puts every address in exactly one place, and waits within the limit", () => {
    const reasons: Reason[] = ["accepted", "mailbox_not_found", "greylisted", "deferred", "timeout", "no_connect", "error", "dns_error", "blocked"];
    const answer = fc.record({
      reason: fc.constantFrom(...reasons),
      code: fc.option(fc.constantFrom(250, 421, 450, 550), { nil: undefined }),
      retryAfter: fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: undefined }),
      proberFailed: fc.boolean(),
    });
    const tried = fc.record({ greylisted: fc.nat(6), temporary: fc.nat(6), prober: fc.nat(6) });
    fc.assert(
      fc.property(fc.array(answer, { minLength: 1, maxLength: 50 }), tried, fc.integer({ min: 1, max: 43_200 }), (answers, attempts, maxWaitSeconds) => {
        const { final, retries } = planRetries(group(answers), attempts, { ...LIMITS, maxWaitSeconds }, PROBERS);
        const placed = [...final, ...retries.flatMap(({ indexes }) => indexes)].sort((a, b) => a - b);
        expect(placed).toEqual(answers.map((_, index) => index));
        for (const { kind, waitSeconds } of retries) {
          expect(waitSeconds).toBeGreaterThanOrEqual(1);
          if (kind !== "prober") expect(waitSeconds).toBeLessThanOrEqual(maxWaitSeconds);
        }
      }),
    );
  });
});

describe("the wait before a retry", () => {
  it("doubles from a minute when the server states none, never past the limit, and honours a stated delay", () => {
    expect([0, 1, 2, 3].map((attempt) => retryWait(attempt, null, 3_600))).toEqual([60, 120, 240, 480]);
    expect(retryWait(10, null, 3_600)).toBe(3_600);
    expect(retryWait(0, 300, 3_600)).toBe(300);
    expect(retryWait(0, 0, 3_600)).toBe(1);
    expect(retryWait(0, 7_200, 3_600)).toBe(3_600);
  });
});
