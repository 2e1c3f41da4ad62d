import type { VerifyResult } from "../../../shared/contract/schemas";
import type { Verdict } from "../../../shared/contract/taxonomy";

/**
 * The data points the edge writes to Workers Analytics Engine, one per verification and one per
 * bulk job step. Each is a kind (the index, which Analytics Engine samples by), blobs and doubles
 * in a fixed order: the README's "Seeing what it does" lists the columns (blob1…, double1…) as SQL
 * queries name them. Nothing in them is an address or the domain of one.
 */

/** One `/v1/verify` answer. */
export interface VerificationPoint {
  readonly result: Pick<VerifyResult, "verdict" | "reason" | "score" | "duration_ms" | "smtp">;
  /** The region of the prober that answered (MAILVET_PROBERS), or "" when none did. */
  readonly proberRegion: string;
  /** Cloudflare's continent code of the caller, or "". */
  readonly callerRegion: string;
  readonly requestId: string;
}

/** One queue message of a bulk job, handled. */
export interface JobStepPoint {
  readonly job: string;
  readonly step: "verify" | "assemble" | "webhook" | "forget";
  /** `ok`; `retry` when it threw and the queue tries again; `gave_up` from the dead-letter queue. */
  readonly outcome: "ok" | "retry" | "gave_up";
  readonly durationMs: number;
  /** For a verify step: what its chunk's addresses came to. */
  readonly chunk?: ChunkTally;
}

/** What one verified chunk came to. */
export interface ChunkTally {
  readonly addresses: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  /** Addresses sent back to be asked again later (greylisted, temporary, no prober). */
  readonly retried: number;
  /** The probers that answered, comma-separated, or "". */
  readonly probers: string;
}

/**
 * The Analytics Engine data point of a verification.
 * blobs: kind, verdict, reason, smtp rule, prober, prober region, caller region, request id;
 * doubles: duration ms, SMTP duration ms (0 without SMTP), score, SMTP performed (0/1).
 *
 * @example
 * env.ANALYTICS.writeDataPoint(verificationDataPoint({ result, proberRegion: "eu", callerRegion: "EU", requestId }));
 */
export function verificationDataPoint({ result, proberRegion, callerRegion, requestId }: VerificationPoint): AnalyticsEngineDataPoint {
  const { smtp } = result;
  return {
    indexes: ["verification"],
    blobs: ["verification", result.verdict, result.reason, smtp.rule ?? "", smtp.prober ?? "", proberRegion, callerRegion, requestId],
    doubles: [result.duration_ms, smtp.duration_ms ?? 0, result.score, smtp.performed ? 1 : 0],
  };
}

/**
 * The Analytics Engine data point of a job step.
 * blobs: kind, job id, step, outcome, probers; doubles: duration ms, addresses, deliverable,
 * undeliverable, risky, unknown, retried (the chunk's, 0 for other steps).
 *
 * @example
 * env.ANALYTICS.writeDataPoint(jobStepDataPoint({ job, step: "assemble", outcome: "ok", durationMs: 120 }));
 */
export function jobStepDataPoint({ job, step, outcome, durationMs, chunk }: JobStepPoint): AnalyticsEngineDataPoint {
  const verdicts = chunk?.verdicts;
  return {
    indexes: ["job_step"],
    blobs: ["job_step", job, step, outcome, chunk?.probers ?? ""],
    doubles: [
      durationMs,
      chunk?.addresses ?? 0,
      verdicts?.deliverable ?? 0,
      verdicts?.undeliverable ?? 0,
      verdicts?.risky ?? 0,
      verdicts?.unknown ?? 0,
      chunk?.retried ?? 0,
    ],
  };
}
