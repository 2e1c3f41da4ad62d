import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { DELIVERY_TOLERANCE_MS, forgetDelivery, isFresh, markDeliverySeen } from "./replay-guard";

describe("markDeliverySeen", () => {
  it("says new once, then replay, per provider", async () => {
    const now = 1_800_000_000_000;
    expect(await markDeliverySeen(env.JOBS_DB, "mailgun", "token-1", now)).toBe(true);
    expect(await markDeliverySeen(env.JOBS_DB, "mailgun", "token-1", now + 1000)).toBe(false);
    expect(await markDeliverySeen(env.JOBS_DB, "resend", "token-1", now)).toBe(true);
  });

  it("takes an id again once its row expired, or was forgotten", async () => {
    const now = 1_800_000_000_000;
    expect(await markDeliverySeen(env.JOBS_DB, "mailgun", "token-2", now)).toBe(true);
    expect(await markDeliverySeen(env.JOBS_DB, "mailgun", "token-2", now + 3 * DELIVERY_TOLERANCE_MS)).toBe(true);
    await forgetDelivery(env.JOBS_DB, "mailgun", "token-2");
    expect(await markDeliverySeen(env.JOBS_DB, "mailgun", "token-2", now + 3 * DELIVERY_TOLERANCE_MS)).toBe(true);
  });
});

describe("isFresh", () => {
  it("takes unix seconds or ISO dates within five minutes either way", () => {
    const now = Date.parse("2026-12-04T00:00:00Z");
    expect(isFresh(String(now / 1000 - 299), now)).toBe(true);
    expect(isFresh(String(now / 1000 - 301), now)).toBe(false);
    expect(isFresh("2026-12-04T00:04:00.000Z", now)).toBe(true);
    expect(isFresh("2026-12-03T23:54:00.000Z", now)).toBe(false);
    expect(isFresh("soon", now)).toBe(false);
    expect(isFresh(null, now)).toBe(false);
  });
});
