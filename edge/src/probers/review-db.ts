import type { ProberFinding, ReportStatus } from "../../../shared/contract/probers";

/** Reports kept per prober for its trend; older ones stay in D1 until pruned. */
export const TREND_LENGTH = 10;
/** How long report history is kept. */
const REPORT_RETENTION_MS = 30 * 86_400_000;

/** What D1 holds of one prober, as the review reads it. */
export interface StoredProber {
  /** The last report first: when, its status, its degraded findings. */
  reports: { at: number; status: ReportStatus; findings: ProberFinding["code"][] }[];
  /** Domain → epoch ms of the last block reply from it. */
  blocks: Map<string, number>;
}

/**
 * Keeps one doctor report (or `unreachable`) in the history, and drops reports past retention.
 *
 * @example
 * await recordReport(env.JOBS_DB, { prober: "eu1", at: Date.now(), status: "pass", findings: [], report: json });
 */
export async function recordReport(
  db: D1Database,
  entry: { prober: string; at: number; status: ReportStatus; findings: readonly string[]; report: string | null },
): Promise<void> {
  await db.batch([
    db
      .prepare("INSERT OR REPLACE INTO prober_report (prober, at, status, findings, report) VALUES (?, ?, ?, ?, ?)")
      .bind(entry.prober, entry.at, entry.status, JSON.stringify(entry.findings), entry.report),
    db.prepare("DELETE FROM prober_report WHERE at < ?").bind(entry.at - REPORT_RETENTION_MS),
  ]);
}

/**
 * Notes what a domain's server last said to a prober: a block reply (its classifier row) or,
 * with `rule` undefined, an answer that was not a block, which lifts that domain's block.
 *
 * @example
 * await recordDomainAnswer(env.JOBS_DB, "eu1", "example.org", Date.now(), "block-list");
 */
export async function recordDomainAnswer(db: D1Database, prober: string, domain: string, at: number, rule: string | null | undefined): Promise<void> {
  if (rule === undefined) {
    await db.prepare("DELETE FROM prober_block WHERE prober = ? AND domain = ?").bind(prober, domain).run();
    return;
  }
  await db
    .prepare(
      "INSERT INTO prober_block (prober, domain, at, rule) VALUES (?, ?, ?, ?) ON CONFLICT (prober, domain) DO UPDATE SET at = excluded.at, rule = excluded.rule",
    )
    .bind(prober, domain, at, rule)
    .run();
}

/**
 * Everything the review keeps, per prober: its last TREND_LENGTH reports and the block replies
 * since `blocksSince`. Probers D1 knows nothing of are absent.
 *
 * @example
 * const stored = await readReview(env.JOBS_DB, Date.now() - 3_600_000);
 */
export async function readReview(db: D1Database, blocksSince: number): Promise<Map<string, StoredProber>> {
  const [reports, blocks] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        "SELECT prober, at, status, findings FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY prober ORDER BY at DESC) AS n FROM prober_report) WHERE n <= ? ORDER BY prober, at DESC",
      )
      .bind(TREND_LENGTH),
    db.prepare("SELECT prober, domain, at FROM prober_block WHERE at > ?").bind(blocksSince),
  ]);
  const review = new Map<string, StoredProber>();
  const of = (prober: string) => {
    let stored = review.get(prober);
    if (!stored) review.set(prober, (stored = { reports: [], blocks: new Map() }));
    return stored;
  };
  for (const row of reports!.results) {
    of(String(row.prober)).reports.push({ at: Number(row.at), status: row.status as ReportStatus, findings: JSON.parse(String(row.findings)) });
  }
  for (const row of blocks!.results) of(String(row.prober)).blocks.set(String(row.domain), Number(row.at));
  return review;
}
