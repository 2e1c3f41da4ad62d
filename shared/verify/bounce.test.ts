import { describe, expect, it } from "vitest";
import { checkOffline } from "./offline";
import { composeResult } from "./compose";
import { applyBounce, decidesVerdict, type ListedBounce } from "./bounce";

const accepted = composeResult({
  email: "ann@mailvet-mta.net",
  offline: checkOffline("ann@mailvet-mta.net"),
  smtp: { reason: "accepted", info: { performed: true, code: 250 } },
  startedAt: Date.now(),
});
const listed = (kind: ListedBounce["kind"], reason: string): ListedBounce => ({
  kind,
  reason,
  status: null,
  source: "email",
  last_seen: "2026-12-01T10:00:00.000Z",
});

describe("applyBounce", () => {
  it("makes a hard bounce undeliverable/bounced and a complaint undeliverable/complained", () => {
    expect(applyBounce(accepted, listed("hard", "user_unknown"))).toMatchObject({
      verdict: "undeliverable",
      reason: "bounced",
      score: 0,
      bounce: { kind: "hard", retry_after: null },
    });
    expect(applyBounce(accepted, listed("complaint", "complaint"))).toMatchObject({ verdict: "undeliverable", reason: "complained", score: 0 });
    expect(decidesVerdict(listed("hard", "user_unknown"))).toBe(true);
  });

  it("leaves the verdict of a soft bounce alone and says when to send again", () => {
    const full = applyBounce(accepted, listed("soft", "mailbox_full"));
    expect(full).toMatchObject({ verdict: "deliverable", reason: "accepted", score: accepted.score });
    expect(full.bounce).toEqual({
      kind: "soft",
      reason: "mailbox_full",
      status: null,
      at: "2026-12-01T10:00:00.000Z",
      source: "email",
      retry_after: "2026-12-02T10:00:00.000Z",
    });
    expect(applyBounce(accepted, listed("soft", "greylisted")).bounce?.retry_after).toBe("2026-12-01T10:15:00.000Z");
    expect(decidesVerdict(listed("soft", "mailbox_full"))).toBe(false);
  });

  it("gives bounce null without an entry", () => {
    expect(applyBounce(accepted, undefined).bounce).toBeNull();
  });
});
