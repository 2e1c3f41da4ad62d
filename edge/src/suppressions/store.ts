import { type Bounce, type BounceKind, type BounceSource, DIAGNOSTIC_MAX_CHARS } from "../../../shared/bounces/bounce";
import { addressHash, suppressedAddress } from "./address-key";

/**
 * Every statement the edge sends to D1 about the suppression list and verdict memory (the tables
 * of edge/migrations/0002_suppressions.sql). Bounce inputs write through recordBounces; the
 * /v1/suppressions routes and verification read and edit through the rest.
 */

/** Where an entry came from: a bounce input, or added by hand through the API. */
export type SuppressionSource = BounceSource | "manual";

/** One entry of an owner's list, as the API shows it. */
export interface Suppression {
  address: string;
  kind: BounceKind;
  reason: string;
  status: string | null;
  diagnostic: string | null;
  source: SuppressionSource;
  /** ISO 8601 times of the first and the latest bounce. */
  first_seen: string;
  last_seen: string;
  count: number;
}

interface SuppressionRow {
  owner: string;
  address_key: string;
  address: string;
  kind: BounceKind;
  reason: string;
  status: string | null;
  diagnostic: string | null;
  source: SuppressionSource;
  first_seen: number;
  last_seen: number;
  count: number;
}

/** D1 takes at most 100 bound parameters a statement; lookups send keys in slices under it. */
const KEYS_PER_QUERY = 90;
/** Bounces written per D1 batch (two statements each). */
const BOUNCES_PER_BATCH = 50;
const DAY_MS = 86_400_000;

// Whether an arriving bounce (excluded) replaces the entry's details: hard and complaint are never
// downgraded by a soft bounce, a soft entry gives way to either, and within one class the newer wins
// (an ESP may deliver events out of order).
const REPLACES = `CASE WHEN excluded.kind = 'soft' THEN suppression.kind = 'soft' AND excluded.last_seen >= suppression.last_seen
  ELSE suppression.kind = 'soft' OR excluded.last_seen >= suppression.last_seen END`;
const detail = (column: string) => `${column} = CASE WHEN ${REPLACES} THEN excluded.${column} ELSE suppression.${column} END`;

const UPSERT_BOUNCE = `INSERT INTO suppression (owner, address_key, address, kind, reason, status, diagnostic, source, first_seen, last_seen, count)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
ON CONFLICT (owner, address_key) DO UPDATE SET
  ${["address", "kind", "reason", "status", "diagnostic", "source"].map(detail).join(",\n  ")},
  first_seen = MIN(suppression.first_seen, excluded.first_seen),
  last_seen = MAX(suppression.last_seen, excluded.last_seen),
  count = suppression.count + 1`;

// The prediction made before the bounce gets the bounce's kind, upgraded only (soft < complaint < hard).
const MARK_MEMORY = `UPDATE verdict_memory SET bounce_kind = ?1, bounced_at = ?2
WHERE owner = ?3 AND address_hash = ?4 AND verified_at <= ?2
  AND (bounce_kind IS NULL OR ?1 = 'hard' OR (bounce_kind = 'soft' AND ?1 = 'complaint'))`;

/**
 * Files bounces on `owner`'s suppression list, one entry per address: the count and times grow,
 * and the details follow the deciding bounce (a soft bounce never downgrades a hard one or a
 * complaint). A recipient that is not an address is skipped. A bounce's `at` that does not parse,
 * or lies ahead of `now`, counts as `now`. Verdict memory learns of each bounce too.
 *
 * @example
 * const { recorded, skipped } = await recordBounces(env.JOBS_DB, caller.owner, bounces, new Date());
 */
export async function recordBounces(db: D1Database, owner: string, bounces: readonly Bounce[], now: Date): Promise<{ recorded: number; skipped: number }> {
  const statements: D1PreparedStatement[] = [];
  let skipped = 0;
  for (const bounce of bounces) {
    const address = suppressedAddress(bounce.recipient);
    if (address === null) {
      skipped++;
      continue;
    }
    const parsedAt = Date.parse(bounce.at);
    const at = Number.isFinite(parsedAt) ? Math.min(parsedAt, now.getTime()) : now.getTime();
    const diagnostic = bounce.diagnostic?.slice(0, DIAGNOSTIC_MAX_CHARS) ?? null;
    statements.push(
      db.prepare(UPSERT_BOUNCE).bind(owner, address.key, address.address, bounce.kind, bounce.reason, bounce.status, diagnostic, bounce.source, at, at),
      db.prepare(MARK_MEMORY).bind(bounce.kind, at, owner, await addressHash(address.key)),
    );
  }
  for (let start = 0; start < statements.length; start += 2 * BOUNCES_PER_BATCH) {
    await db.batch(statements.slice(start, start + 2 * BOUNCES_PER_BATCH));
  }
  return { recorded: statements.length / 2, skipped };
}

/**
 * The entries of `owner`'s list that are in force at `now` for the given address keys
 * (suppressedAddress().key): every hard and complaint entry, and soft ones seen within
 * `softBounceDays`. Keys not on the list are absent from the map.
 *
 * @example
 * const found = await findSuppressions(env.JOBS_DB, owner, ["alice@example.com"], new Date(), 7);
 * found.get("alice@example.com")?.kind; // "hard"
 */
export async function findSuppressions(
  db: D1Database,
  owner: string,
  keys: readonly string[],
  now: Date,
  softBounceDays: number,
): Promise<Map<string, Suppression>> {
  const found = new Map<string, Suppression>();
  const unique = [...new Set(keys)];
  for (let start = 0; start < unique.length; start += KEYS_PER_QUERY) {
    const slice = unique.slice(start, start + KEYS_PER_QUERY);
    const rows = await db
      .prepare(`SELECT * FROM suppression WHERE owner = ? AND ${IN_FORCE} AND address_key IN (${slice.map(() => "?").join(", ")})`)
      .bind(owner, softSince(now, softBounceDays), ...slice)
      .all<SuppressionRow>();
    for (const row of rows.results) found.set(row.address_key, entryOf(row));
  }
  return found;
}

const IN_FORCE = "(kind <> 'soft' OR last_seen > ?)";
const softSince = (now: Date, softBounceDays: number) => now.getTime() - softBounceDays * DAY_MS;

function entryOf(row: SuppressionRow): Suppression {
  return {
    address: row.address,
    kind: row.kind,
    reason: row.reason,
    status: row.status,
    diagnostic: row.diagnostic,
    source: row.source,
    first_seen: new Date(row.first_seen).toISOString(),
    last_seen: new Date(row.last_seen).toISOString(),
    count: row.count,
  };
}

/** Which page of a list to read. */
export interface ListQuery {
  /** Only entries of this kind. */
  kind?: BounceKind | undefined;
  /** The `next` of the page before: entries after this address key. */
  after?: string | undefined;
  limit: number;
}

/**
 * One page of `owner`'s entries in force, in address order, and the cursor of the next page
 * (null on the last). Keyset paging, so a page costs the same however deep it is.
 *
 * @example
 * const { entries, next } = await listSuppressions(env.JOBS_DB, owner, { limit: 100 }, new Date(), 7);
 */
export async function listSuppressions(
  db: D1Database,
  owner: string,
  query: ListQuery,
  now: Date,
  softBounceDays: number,
): Promise<{ entries: Suppression[]; next: string | null }> {
  const rows = await db
    .prepare(
      `SELECT * FROM suppression WHERE owner = ?1 AND ${IN_FORCE.replace("?", "?2")} AND (?3 IS NULL OR kind = ?3) AND address_key > ?4
       ORDER BY address_key LIMIT ?5`,
    )
    .bind(owner, softSince(now, softBounceDays), query.kind ?? null, query.after ?? "", query.limit + 1)
    .all<SuppressionRow>();
  const page = rows.results.slice(0, query.limit);
  const next = rows.results.length > query.limit ? page[page.length - 1]!.address_key : null;
  return { entries: page.map(entryOf), next };
}

/** An entry added by hand. */
export interface ManualEntry {
  kind: BounceKind;
  reason: string;
  status?: string | null | undefined;
  diagnostic?: string | null | undefined;
}

/**
 * Puts `address` on `owner`'s list by hand, replacing whatever entry it had (a person decides,
 * so a hand-made soft entry may replace a hard one). Returns the entry, or null when `address`
 * is not an address.
 *
 * @example
 * await putSuppression(env.JOBS_DB, owner, "alice@example.com", { kind: "hard", reason: "user_unknown" }, new Date());
 */
export async function putSuppression(db: D1Database, owner: string, address: string, entry: ManualEntry, now: Date): Promise<Suppression | null> {
  const parsed = suppressedAddress(address);
  if (parsed === null) return null;
  const at = now.getTime();
  const row = await db
    .prepare(
      `INSERT OR REPLACE INTO suppression (owner, address_key, address, kind, reason, status, diagnostic, source, first_seen, last_seen, count)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'manual', ?, ?, 1) RETURNING *`,
    )
    .bind(owner, parsed.key, parsed.address, entry.kind, entry.reason, entry.status ?? null, entry.diagnostic?.slice(0, DIAGNOSTIC_MAX_CHARS) ?? null, at, at)
    .first<SuppressionRow>();
  return entryOf(row!);
}

/**
 * Takes the address with key `key` off `owner`'s list; false when it was not on it.
 *
 * @example
 * await removeSuppression(env.JOBS_DB, owner, "alice@example.com"); // true
 */
export async function removeSuppression(db: D1Database, owner: string, key: string): Promise<boolean> {
  const result = await db.prepare("DELETE FROM suppression WHERE owner = ? AND address_key = ?").bind(owner, key).run();
  return result.meta.changes > 0;
}

/**
 * Empties `owner`'s list, or only its entries of `kind`; the number of entries removed.
 *
 * @example
 * await removeAllSuppressions(env.JOBS_DB, owner, "soft"); // 12
 */
export async function removeAllSuppressions(db: D1Database, owner: string, kind?: BounceKind): Promise<number> {
  const result = await db
    .prepare("DELETE FROM suppression WHERE owner = ?1 AND (?2 IS NULL OR kind = ?2)")
    .bind(owner, kind ?? null)
    .run();
  return result.meta.changes;
}

/** What Mailvet said of one address, for verdict memory. */
export interface SaidOf {
  /** The address's key (suppressedAddress().key); only its hash is stored. */
  key: string;
  verdict: string;
  reason: string;
  score: number;
}

// A row that has a bounce keeps the prediction the bounce answered; a later check does not replace it.
const REMEMBER = `INSERT INTO verdict_memory (owner, address_hash, verdict, reason, score, verified_at) VALUES (?, ?, ?, ?, ?, ?)
ON CONFLICT (owner, address_hash) DO UPDATE SET verdict = excluded.verdict, reason = excluded.reason, score = excluded.score,
  verified_at = excluded.verified_at WHERE verdict_memory.bounce_kind IS NULL`;

/**
 * Remembers what verification said of addresses for `owner`, by a hash of each, so that a bounce
 * arriving later can be set against the prediction (bounceReport).
 *
 * @example
 * await rememberVerdicts(env.JOBS_DB, owner, [{ key: "alice@example.com", verdict: "deliverable", reason: "accepted", score: 95 }], new Date());
 */
export async function rememberVerdicts(db: D1Database, owner: string, said: readonly SaidOf[], now: Date): Promise<void> {
  if (said.length === 0) return;
  const statements = await Promise.all(
    said.map(async ({ key, verdict, reason, score }) => db.prepare(REMEMBER).bind(owner, await addressHash(key), verdict, reason, score, now.getTime())),
  );
  for (let start = 0; start < statements.length; start += BOUNCES_PER_BATCH) await db.batch(statements.slice(start, start + BOUNCES_PER_BATCH));
}

/** One group of remembered predictions and what became of them. */
export interface OutcomeCounts {
  verified: number;
  hard: number;
  soft: number;
  complaint: number;
}

/** A row of the report's grouping: verdict, reason and score band (0 = 0–19 … 4 = 80–100). */
export interface OutcomeRow extends OutcomeCounts {
  verdict: string;
  reason: string;
  band: number;
}

/**
 * `owner`'s remembered predictions grouped by verdict, reason and score band, with how many of each
 * later bounced hard, soft or with a complaint.
 *
 * @example
 * const rows = await outcomeRows(env.JOBS_DB, owner);
 */
export async function outcomeRows(db: D1Database, owner: string): Promise<OutcomeRow[]> {
  const rows = await db
    .prepare(
      `SELECT verdict, reason, MIN(score / 20, 4) AS band, COUNT(*) AS verified, COUNT(CASE bounce_kind WHEN 'hard' THEN 1 END) AS hard,
        COUNT(CASE bounce_kind WHEN 'soft' THEN 1 END) AS soft, COUNT(CASE bounce_kind WHEN 'complaint' THEN 1 END) AS complaint
       FROM verdict_memory WHERE owner = ? GROUP BY verdict, reason, band ORDER BY verdict, reason, band`,
    )
    .bind(owner)
    .all<OutcomeRow>();
  return rows.results;
}
