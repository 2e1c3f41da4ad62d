import type { BounceProvider } from "../../../shared/settings/bounce-webhooks";

/** How far a delivery's own timestamp may be from now: older is stale, and replays are caught within it. */
export const DELIVERY_TOLERANCE_MS = 5 * 60_000;
/** A seen id is kept while a delivery carrying it could still pass the timestamp check. */
const SEEN_TTL_MS = 2 * DELIVERY_TOLERANCE_MS;

/**
 * Whether a delivery's time (unix seconds or an ISO date) is within the tolerance of `now`.
 *
 * @example
 * isFresh("1800000000", 1_800_000_100_000); // true
 */
export function isFresh(time: string | null | undefined, now: number): boolean {
  const ms = time && /^\d{1,12}$/.test(time) ? Number(time) * 1000 : Date.parse(time ?? "");
  return Number.isFinite(ms) && Math.abs(now - ms) <= DELIVERY_TOLERANCE_MS;
}

/**
 * Marks a delivery id seen, and says whether it is new: false for a replay. A row that expired
 * is taken over; old rows are swept as new ones come.
 *
 * @example
 * if (!(await markDeliverySeen(env.JOBS_DB, "mailgun", token, Date.now()))) reject("replay");
 */
export async function markDeliverySeen(db: D1Database, provider: BounceProvider, id: string, now: number): Promise<boolean> {
  const [, inserted] = await db.batch([
    db.prepare("DELETE FROM bounce_webhook_seen WHERE expires_at < ?").bind(now),
    db
      .prepare(
        "INSERT INTO bounce_webhook_seen (provider, id, expires_at) VALUES (?, ?, ?) ON CONFLICT (provider, id) DO UPDATE SET expires_at = excluded.expires_at WHERE bounce_webhook_seen.expires_at < ?",
      )
      .bind(provider, id, now + SEEN_TTL_MS, now),
  ]);
  return (inserted?.meta.changes ?? 0) > 0;
}

/**
 * Forgets a delivery id, when what it carried could not be stored: the provider's retry of it
 * must not then be taken for a replay.
 */
export async function forgetDelivery(db: D1Database, provider: BounceProvider, id: string): Promise<void> {
  await db.prepare("DELETE FROM bounce_webhook_seen WHERE provider = ? AND id = ?").bind(provider, id).run();
}
