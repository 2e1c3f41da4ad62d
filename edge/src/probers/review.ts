import type { EdgeSettings, Env } from "../env";
import { readReview, recordDomainAnswer, type StoredProber } from "./review-db";
import { type BlockPolicy, judgeProber } from "./standing";

/**
 * Where routing reads the probers' health. D1 keeps the history (reports, block replies), but a
 * D1 query on every verification would add a round trip to the hot path, so each isolate keeps a
 * copy it re-reads at most every REFRESH_MS, and adds what its own requests see at once. A
 * Durable Object would give one consistent view, but also a round trip per request and one
 * object every request in the world funnels through; health changes over minutes, so a view
 * up to 30 s stale per isolate costs at most a few answers sent to a prober another isolate
 * already found blocked, and those are retried on another prober anyway.
 */
const REFRESH_MS = 30_000;
/** A block already noted this recently is not written again: one write per domain per minute at most. */
const REWRITE_AFTER_MS = 60_000;

let cached: { readAt: number; review: Promise<Map<string, StoredProber>> } | undefined;

export interface ProberReview {
  /** Probers to use only when no other can answer. */
  readonly degraded: ReadonlySet<string>;
  /**
   * What a domain's server said to a prober: a block reply (the classifier row that read it), or
   * (`undefined`) an answer that was not a block, which lifts that domain's block.
   */
  noteAnswer(prober: string, domain: string, blockRule: string | null | undefined): void;
}

function policyOf(settings: EdgeSettings): BlockPolicy {
  return { windowSeconds: settings.proberBlockWindowSeconds, domains: settings.proberBlockDomains };
}

/** The isolate's copy of the review, re-read from D1 when stale; empty (all healthy) when D1 fails. */
export function storedReview(env: Env, settings: EdgeSettings, now = Date.now()): Promise<Map<string, StoredProber>> {
  if (!cached || now - cached.readAt > REFRESH_MS) {
    const review = readReview(env.JOBS_DB, now - policyOf(settings).windowSeconds * 1000).catch((error: unknown) => {
      // Routing must not fail with the history: every prober counts as healthy until D1 answers.
      console.error(`prober review unreadable: ${error instanceof Error ? error.message : error}`);
      cached = undefined;
      return new Map<string, StoredProber>();
    });
    cached = { readAt: now, review };
  }
  return cached.review;
}

/** Makes the next read go to D1 (after the Cron stored new reports). */
export function forgetStoredReview(): void {
  cached = undefined;
}

/**
 * The probers' health for one request (or one bulk chunk), and the way to tell the review what
 * the probers met. Notes reach this isolate's copy at once and D1 in the background.
 *
 * @example
 * const review = await proberReview(env, settings, (p) => ctx.waitUntil(p));
 * review.degraded.has("eu1"); // true when eu1 is listed, or blocked at several domains
 */
export async function proberReview(env: Env, settings: EdgeSettings, waitUntil: (promise: Promise<unknown>) => void): Promise<ProberReview> {
  const stored = await storedReview(env, settings);
  const now = Date.now();
  const degraded = new Set(
    settings.probers
      .filter(({ id }) => {
        const entry = stored.get(id);
        const evidence = { reportFindings: entry?.reports[0]?.findings ?? [], blocks: entry?.blocks ?? new Map<string, number>() };
        return judgeProber(evidence, policyOf(settings), now).health === "degraded";
      })
      .map(({ id }) => id),
  );
  return {
    degraded,
    noteAnswer(prober, domain, blockRule) {
      let entry = stored.get(prober);
      const at = Date.now();
      if (blockRule === undefined) {
        if (!entry?.blocks.delete(domain)) return;
      } else {
        if (!entry) stored.set(prober, (entry = { reports: [], blocks: new Map() }));
        if (at - (entry.blocks.get(domain) ?? 0) < REWRITE_AFTER_MS) return;
        entry.blocks.set(domain, at);
      }
      waitUntil(
        recordDomainAnswer(env.JOBS_DB, prober, domain, at, blockRule).catch((error: unknown) => {
          console.error(`prober review not stored: ${error instanceof Error ? error.message : error}`);
        }),
      );
    },
  };
}
