import { edgeSettings, type Env } from "../../env";
import { listOverrides } from "../../lists";
import { rememberResults, suppressionLookup } from "../../suppressions/lookup";
import { proberReview } from "../../probers/review";
import type { ChunkTally } from "../../analytics/data-points";
import { type AddressVerification, verifyGroup } from "../../verify";
import { jobCoordinator } from "../coordinator-stub";
import { jobOwner } from "../jobs-db";
import { probeIdOf } from "../../middleware/caller";
import type { VerifyChunk } from "../messages";
import { planRetries, type RetryKind } from "./retry-plan";

/** Time one chunk may take: a single address's default, plus room for each address in the session. */
const CHUNK_BASE_MS = 8_000;
const CHUNK_PER_ADDRESS_MS = 500;
const CHUNK_MAX_MS = 60_000;
/** The longest delay Queues take on a message (12 hours); a later slot is waited for in steps. */
const MAX_QUEUE_DELAY_S = 43_200;

/** Which counter of the message a retry of each kind moves on. */
const COUNTER = { greylisted: "greylistRetries", temporary: "temporaryRetries", prober: "proberRetries" } as const satisfies Record<
  RetryKind,
  keyof VerifyChunk
>;

/**
 * Verifies one chunk (addresses of one domain of one job) and stores the answers in the job.
 * A first try runs in one of the domain's lanes and, when done, has the next chunk queued
 * (lanes.ts). A retry keeps the job's pace for the domain, whichever consumer runs it: early for
 * its slot, it goes back on the queue until then (in steps of at most 12 hours, Queues' longest delay).
 * Addresses whose answer is only for now are sent back too (retry-plan.ts): greylisted ones,
 * temporary answers of a reachable server, and ones no prober could answer, each a bounded
 * number of times, after which their answer stands.
 *
 * @example
 * await verifyChunk(message.body, env, ctx);
 */
export async function verifyChunk(chunk: VerifyChunk, env: Env, ctx: ExecutionContext): Promise<ChunkTally | null> {
  const settings = edgeSettings(env);
  const job = jobCoordinator(env, chunk.job);
  const keys = chunk.addresses.map(({ key }) => key);
  const lane = chunk.lane ? chunk.domain : undefined;
  const started = await job.begin(chunk.run, chunk.domain, keys, chunk.slot ?? null, settings.jobDomainRate, chunk.lane);
  if (!started) return null;
  if (started.pending.length === 0) {
    if (lane !== undefined) await job.record(chunk.run, [], { lane });
    return null;
  }
  const pending = new Set(started.pending);
  const addresses = chunk.addresses.filter(({ key }) => pending.has(key));
  const waitSeconds = Math.ceil((started.slot - Date.now()) / 1000);
  if (waitSeconds > 0) {
    await env.VERIFY_QUEUE.send({ ...chunk, addresses, slot: started.slot }, { delaySeconds: Math.min(waitSeconds, MAX_QUEUE_DELAY_S) });
    return null;
  }

  const deadline = Date.now() + Math.min(CHUNK_MAX_MS, CHUNK_BASE_MS + addresses.length * CHUNK_PER_ADDRESS_MS);
  // The job's owner is the caller the probers share their sessions by, as for its /v1/verify.
  const owner = await jobOwner(env, chunk.job);
  const caller = await probeIdOf(owner ?? `job:${chunk.job}`);
  const waitUntil = (promise: Promise<unknown>) => ctx.waitUntil(promise);
  const context = {
    settings,
    lists: await listOverrides(env),
    waitUntil,
    regionHint: undefined,
    caller,
    // The owner's suppression list decides as it does for the owner's /v1/verify.
    ...(owner === null ? {} : { suppressions: suppressionLookup(env, owner) }),
    review: await proberReview(env, settings, waitUntil),
    // The probers log the chunk's probe under the job's id.
    requestId: `job-${chunk.job}`,
  };
  const group = await verifyGroup(
    addresses.map(({ email }) => email),
    { smtp: true, deadline, transcript: false, avoid: chunk.avoid },
    context,
  );

  const tried = { greylisted: chunk.greylistRetries, temporary: chunk.temporaryRetries ?? 0, prober: chunk.proberRetries };
  const limits = {
    greylisted: settings.jobGreylistRetries,
    temporary: settings.jobTemporaryRetries,
    prober: settings.jobProberRetries,
    maxWaitSeconds: settings.jobGreylistMaxWaitSeconds,
  };
  const { final, retries } = planRetries(
    group,
    tried,
    limits,
    settings.probers.map(({ id }) => id),
  );
  const answers = final.map((index) => {
    const { reason, flags } = group[index]!.result;
    return { key: addresses[index]!.key, answer: { reason, flags } };
  });
  if (owner !== null)
    ctx.waitUntil(
      rememberResults(
        env,
        owner,
        final.map((index) => group[index]!.result),
      ),
    );
  const now = Date.now();
  // Answers first, and the retries announced (the status shows them waiting, and the job's
  // watchdog waits for them): a crash after this point redelivers the chunk, which skips what
  // is answered.
  const waiting = retries.map(({ indexes, waitSeconds }) => ({ keys: indexes.map((index) => addresses[index]!.key), until: now + waitSeconds * 1000 }));
  if (answers.length > 0 || waiting.length > 0) await job.record(chunk.run, answers, { waiting });
  for (const { kind, indexes, waitSeconds, avoid } of retries) {
    const counter = COUNTER[kind];
    await env.VERIFY_QUEUE.send(
      {
        ...chunk,
        addresses: indexes.map((index) => addresses[index]!),
        [counter]: tried[kind] + 1,
        avoid: kind === "prober" ? [...new Set([...chunk.avoid, ...avoid])] : chunk.avoid,
        slot: undefined,
        lane: undefined,
      },
      { delaySeconds: waitSeconds },
    );
  }
  // The lane goes on last: a crash before this point redelivers the chunk, which then moves it.
  if (lane !== undefined) await job.record(chunk.run, [], { lane });
  return tallyOf(group, retries);
}

/** What the chunk came to, for its job step's data point: verdicts, retries, the probers that answered. */
function tallyOf(group: readonly AddressVerification[], retries: readonly { indexes: readonly number[] }[]): ChunkTally {
  const verdicts = { deliverable: 0, undeliverable: 0, risky: 0, unknown: 0 };
  for (const { result } of group) verdicts[result.verdict]++;
  const probers = new Set(group.flatMap(({ result }) => (result.smtp.prober ? [result.smtp.prober] : [])));
  return { addresses: group.length, verdicts, retried: retries.reduce((sum, { indexes }) => sum + indexes.length, 0), probers: [...probers].join(",") };
}
