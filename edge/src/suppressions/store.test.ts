import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Bounce } from "../../../shared/bounces/bounce";
import { findSuppressions, listSuppressions, putSuppression, recordBounces, removeAllSuppressions, removeSuppression } from "./store";

const NOW = new Date("2026-12-01T12:00:00Z");
const owner = () => `key:${crypto.randomUUID()}`;

function bounce(recipient: string, kind: Bounce["kind"], at: string, extra: Partial<Bounce> = {}): Bounce {
  const reason = kind === "hard" ? "user_unknown" : kind === "soft" ? "mailbox_full" : "complaint";
  return { recipient, kind, reason, status: kind === "hard" ? "5.1.1" : null, diagnostic: null, source: "email", at, ...extra };
}

describe("the suppression store", () => {
  it("files a bounce under the address lower-cased, so any case of it matches", async () => {
    const who = owner();
    expect(await recordBounces(env.JOBS_DB, who, [bounce("<Alice@EXAMPLE.com>", "hard", "2026-12-01T10:00:00Z")], NOW)).toEqual({ recorded: 1, skipped: 0 });
    const found = await findSuppressions(env.JOBS_DB, who, ["alice@example.com"], NOW, 7);
    expect(found.get("alice@example.com")).toMatchObject({
      address: "Alice@example.com",
      kind: "hard",
      status: "5.1.1",
      count: 1,
      first_seen: "2026-12-01T10:00:00.000Z",
    });
  });

  it("skips a recipient that is not an address and cuts a long diagnostic", async () => {
    const who = owner();
    const long = "x".repeat(1000);
    expect(
      await recordBounces(
        env.JOBS_DB,
        who,
        [bounce("nobody", "hard", "2026-12-01T10:00:00Z"), bounce("b@example.com", "hard", "2026-12-01T10:00:00Z", { diagnostic: long })],
        NOW,
      ),
    ).toEqual({ recorded: 1, skipped: 1 });
    expect((await findSuppressions(env.JOBS_DB, who, ["b@example.com"], NOW, 7)).get("b@example.com")?.diagnostic).toHaveLength(300);
  });

  it("never lets a soft bounce downgrade a hard one or a complaint, but counts it", async () => {
    const who = owner();
    await recordBounces(
      env.JOBS_DB,
      who,
      [bounce("h@example.com", "hard", "2026-12-01T09:00:00Z"), bounce("c@example.com", "complaint", "2026-12-01T09:00:00Z")],
      NOW,
    );
    await recordBounces(
      env.JOBS_DB,
      who,
      [bounce("h@example.com", "soft", "2026-12-01T11:00:00Z"), bounce("c@example.com", "soft", "2026-12-01T11:00:00Z")],
      NOW,
    );
    const found = await findSuppressions(env.JOBS_DB, who, ["h@example.com", "c@example.com"], NOW, 7);
    expect(found.get("h@example.com")).toMatchObject({ kind: "hard", reason: "user_unknown", count: 2, last_seen: "2026-12-01T11:00:00.000Z" });
    expect(found.get("c@example.com")).toMatchObject({ kind: "complaint", count: 2 });
  });

  it("lets a hard bounce replace a soft one, and keeps the newer of two of one class", async () => {
    const who = owner();
    await recordBounces(
      env.JOBS_DB,
      who,
      [bounce("s@example.com", "soft", "2026-12-01T11:00:00Z"), bounce("s@example.com", "hard", "2026-12-01T09:00:00Z")],
      NOW,
    );
    await recordBounces(env.JOBS_DB, who, [bounce("s@example.com", "hard", "2026-12-01T08:00:00Z", { reason: "mailbox_moved" })], NOW);
    expect((await findSuppressions(env.JOBS_DB, who, ["s@example.com"], NOW, 7)).get("s@example.com")).toMatchObject({
      kind: "hard",
      reason: "user_unknown",
      count: 3,
      first_seen: "2026-12-01T08:00:00.000Z",
      last_seen: "2026-12-01T11:00:00.000Z",
    });
  });

  it("lets a soft bounce lapse after the window, while a hard one stays", async () => {
    const who = owner();
    await recordBounces(
      env.JOBS_DB,
      who,
      [bounce("s@example.com", "soft", "2026-11-20T00:00:00Z"), bounce("h@example.com", "hard", "2026-01-01T00:00:00Z")],
      NOW,
    );
    const found = await findSuppressions(env.JOBS_DB, who, ["s@example.com", "h@example.com"], NOW, 7);
    expect([...found.keys()]).toEqual(["h@example.com"]);
    expect((await findSuppressions(env.JOBS_DB, who, ["s@example.com"], NOW, 30)).has("s@example.com")).toBe(true);
  });

  it("keeps owners apart", async () => {
    const [one, other] = [owner(), owner()];
    await recordBounces(env.JOBS_DB, one, [bounce("a@example.com", "hard", "2026-12-01T10:00:00Z")], NOW);
    expect((await findSuppressions(env.JOBS_DB, other, ["a@example.com"], NOW, 7)).size).toBe(0);
    expect(await removeSuppression(env.JOBS_DB, other, "a@example.com")).toBe(false);
    expect(await removeSuppression(env.JOBS_DB, one, "a@example.com")).toBe(true);
  });

  it("pages a list in address order, filtered by kind, and empties it", async () => {
    const who = owner();
    const bounces = ["d", "a", "c", "b", "e"].map((local) => bounce(`${local}@example.com`, local === "e" ? "soft" : "hard", "2026-12-01T10:00:00Z"));
    await recordBounces(env.JOBS_DB, who, bounces, NOW);
    const first = await listSuppressions(env.JOBS_DB, who, { kind: "hard", limit: 3 }, NOW, 7);
    expect(first.entries.map((entry) => entry.address)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
    const second = await listSuppressions(env.JOBS_DB, who, { kind: "hard", after: first.next!, limit: 3 }, NOW, 7);
    expect(second).toEqual({ entries: [expect.objectContaining({ address: "d@example.com" })], next: null });
    expect(await removeAllSuppressions(env.JOBS_DB, who, "soft")).toBe(1);
    expect(await removeAllSuppressions(env.JOBS_DB, who)).toBe(4);
  });

  it("puts an entry by hand over a bounced one, and refuses what is not an address", async () => {
    const who = owner();
    await recordBounces(env.JOBS_DB, who, [bounce("a@example.com", "hard", "2026-12-01T10:00:00Z")], NOW);
    expect(await putSuppression(env.JOBS_DB, who, "A@example.com", { kind: "complaint", reason: "complaint" }, NOW)).toMatchObject({
      kind: "complaint",
      source: "manual",
      count: 1,
    });
    expect(await putSuppression(env.JOBS_DB, who, "nope", { kind: "hard", reason: "user_unknown" }, NOW)).toBeNull();
  });
});
