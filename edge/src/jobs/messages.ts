/**
 * What the `mailvet-verify` queue carries for bulk jobs. Every kind is safe to deliver twice:
 * the job's Durable Object keeps the first answer per address, an answers file is rewritten
 * whole, and a webhook carries a delivery id its receiver can dedupe on.
 */
export type JobMessage = VerifyChunk | AssembleAnswers | DeliverWebhook | ForgetJob;

/** Addresses of one domain of one job, verified together (one probe, one SMTP session). */
export interface VerifyChunk {
  kind: "verify";
  job: string;
  /** The job's run: 1, then one more for each scheduled re-verification. */
  run: number;
  domain: string;
  addresses: { key: string; email: string }[];
  /** Times these addresses were greylisted and sent back already. */
  greylistRetries: number;
  /** Times a reachable server answered these addresses only for now (timeout, deferred, no connection) already; absent in messages queued before it existed. */
  temporaryRetries?: number;
  /** Times a prober failed on these addresses already. */
  proberRetries: number;
  /** Probers that failed on them, to ask only when no other can. */
  avoid: string[];
  /**
   * A first try in one of the few lanes the job keeps per domain (lanes.ts): when it ends, the
   * domain's next chunk is queued. Retries are not in a lane; the job's pace spreads them.
   */
  lane?: boolean;
  /** When the job's pace for the domain let this chunk go (epoch ms), once it has waited for it. */
  slot?: number;
}

/** Every address of a run is answered: write the run's answers file to R2, in row order. */
export interface AssembleAnswers {
  kind: "assemble";
  job: string;
  run: number;
}

/** The run is done: tell the job's webhook. */
export interface DeliverWebhook {
  kind: "webhook";
  job: string;
  run: number;
  /** Deliveries tried before this one. */
  attempt: number;
}

/** Retention erased the job's Durable Object: forget its owner and schedule in D1 (jobs-db.ts). */
export interface ForgetJob {
  kind: "forget";
  job: string;
}

/** Addresses per verify message: one probe request (at most 100) that one session gets through. */
export const CHUNK_SIZE = 50;
