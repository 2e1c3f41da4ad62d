import type { ReputationSchedule } from "../../../shared/contract/reputation";
import type { Env } from "../env";

/** A schedule as D1 keeps it (edge/migrations/0005_reputation.sql). */
export interface ScheduleRow {
  id: string;
  owner: string;
  domain: string | null;
  ips: string;
  every_days: number;
  webhook_url: string;
  webhook_secret: string;
  next_at: number;
  last_run_at: number | null;
  last_status: ReputationSchedule["last_status"];
  findings: string | null;
}

/** A row as the API shows it; the webhook secret only when it is made. */
export function scheduleView(row: ScheduleRow): ReputationSchedule {
  return {
    id: row.id,
    domain: row.domain,
    ips: JSON.parse(row.ips) as string[],
    every: row.every_days === 7 ? "weekly" : "daily",
    webhook_url: row.webhook_url,
    next_run_at: new Date(row.next_at).toISOString(),
    last_run_at: row.last_run_at === null ? null : new Date(row.last_run_at).toISOString(),
    last_status: row.last_status,
  };
}

/**
 * Every statement the reputation schedules send to D1.
 *
 * @example
 * await schedulesDb(env).insert(row);
 */
export function schedulesDb(env: Env) {
  const db = env.JOBS_DB;
  return {
    insert: (row: ScheduleRow) =>
      db
        .prepare(
          "INSERT INTO reputation_schedule (id, owner, domain, ips, every_days, webhook_url, webhook_secret, next_at, last_run_at, last_status, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)",
        )
        .bind(row.id, row.owner, row.domain, row.ips, row.every_days, row.webhook_url, row.webhook_secret, row.next_at)
        .run(),
    /** The owner's schedules, or everyone's for null (admin). */
    list: async (owner: string | null) =>
      (
        await (owner === null
          ? db.prepare("SELECT * FROM reputation_schedule ORDER BY next_at")
          : db.prepare("SELECT * FROM reputation_schedule WHERE owner = ? ORDER BY next_at").bind(owner)
        ).all<ScheduleRow>()
      ).results,
    get: (id: string) => db.prepare("SELECT * FROM reputation_schedule WHERE id = ?").bind(id).first<ScheduleRow>(),
    remove: (id: string) => db.prepare("DELETE FROM reputation_schedule WHERE id = ?").bind(id).run(),
    due: async (now: number, limit: number) =>
      (await db.prepare("SELECT * FROM reputation_schedule WHERE next_at <= ? ORDER BY next_at LIMIT ?").bind(now, limit).all<ScheduleRow>()).results,
    recordRun: (id: string, run: { nextAt: number; at: number; status: string; findings: string | null }) =>
      db
        .prepare("UPDATE reputation_schedule SET next_at = ?, last_run_at = ?, last_status = ?, findings = COALESCE(?, findings) WHERE id = ?")
        .bind(run.nextAt, run.at, run.status, run.findings, id)
        .run(),
  };
}
