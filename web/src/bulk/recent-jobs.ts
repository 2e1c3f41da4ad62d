import type { JobStatusName, Verdict } from "../../../shared/contract/taxonomy";
import { readStored, writeStored } from "../ui/storage";

/** What a job's entry in the recent list shows; `expired` once the service says 404. */
export type RecentStatus = JobStatusName | "expired";

export interface RecentJob {
  id: string;
  name: string;
  /** ISO date of the upload. */
  createdAt: string;
  total: number;
  status: RecentStatus;
  counts?: Record<Verdict, number>;
}

const STORAGE_KEY = "mailvet.recentJobs";
/** The list keeps the latest few; older entries would be expired by now anyway. */
export const MAX_RECENT = 20;

/**
 * The jobs started in this browser, newest first (what localStorage holds, with anything
 * malformed left out).
 *
 * @example
 * loadRecentJobs()[0]?.name; // "contacts.csv"
 */
export function loadRecentJobs(): RecentJob[] {
  try {
    const parsed: unknown = JSON.parse(readStored(STORAGE_KEY) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is RecentJob =>
        typeof entry === "object" &&
        entry !== null &&
        typeof entry.id === "string" &&
        typeof entry.name === "string" &&
        typeof entry.createdAt === "string" &&
        typeof entry.total === "number" &&
        typeof entry.status === "string",
    );
  } catch {
    return [];
  }
}

/** Stores the list (newest first, at most MAX_RECENT) and returns what was stored. */
export function saveRecentJobs(jobs: RecentJob[]): RecentJob[] {
  const kept = jobs.slice(0, MAX_RECENT);
  writeStored(STORAGE_KEY, JSON.stringify(kept));
  return kept;
}

/**
 * The list with `job` first: added when new, merged into its entry when known.
 *
 * @example
 * saveRecentJobs(upsertRecentJob(loadRecentJobs(), { id, status: "done" }));
 */
export function upsertRecentJob(jobs: RecentJob[], job: Partial<RecentJob> & { id: string }): RecentJob[] {
  const existing = jobs.find((entry) => entry.id === job.id);
  if (existing) return jobs.map((entry) => (entry.id === job.id ? { ...entry, ...job } : entry));
  const entry: RecentJob = { name: job.id, createdAt: new Date().toISOString(), total: 0, status: "queued", ...job };
  return [entry, ...jobs];
}
