import { edgeSettings, type Env } from "../env";
import { listOverrides } from "../lists";
import { verifyGroup } from "../verify";
import { jobCoordinator } from "./coordinator";
import { jobOwner } from "./job-owners";
import { probeIdOf } from "../middleware/caller";
import type { VerifyChunk } from "./messages";

/** Time one chunk may take: a single address's default, plus room for each address in the session. */
const CHUNK_BASE_MS = 8_000;
const CHUNK_PER_ADDRESS_MS = 500;
const CHUNK_MAX_MS = 60_000;
/** A greylisting server's delay is waited at least this long (and at most MAILVET_JOB_GREYLIST_MAX_WAIT). */
const GREYLIST_MIN_WAIT_S = 1;
/** The wait when a greylisting server states none: postgrey's default delay. */
const GREYLIST_DEFAULT_WAIT_S = 300;
/** First wait before a prober failure is tried again (on another prober); doubled each time. */
const PROBER_RETRY_WAIT_S = 5;

/**
 * Verifies one chunk (addresses of one domain of one job) and stores the answers in the job.
 * It keeps the job's pace for the domain, whichever consumer runs it: a chunk early for its slot
 * goes back on the queue until then. Addresses whose answer is only for now are sent back too:
 * greylisted ones after the server's delay, and ones no prober could answer to another prober,
 * each a bounded number of times (MAILVET_JOB_GREYLIST_RETRIES, MAILVET_JOB_PROBER_RETRIES),
 * after which their answer stands (unknown/greylisted, unknown/error or timeout).
 *
 * @example
 * await verifyChunk(message.body, env, ctx);
 */
export async function verifyChunk(chunk: VerifyChunk, env: Env, ctx: ExecutionContext): Promise<void> {
  const settings = edgeSettings(env);
  const job = jobCoordinator(env, chunk.job);
  const keys = chunk.addresses.map(({ key }) => key);
  const started = await job.begin(chunk.run, chunk.domain, keys, chunk.slot ?? null, settings.jobDomainRate);
  if (!started || started.pending.length === 0) return;
  const pending = new Set(started.pending);
  const addresses = chunk.addresses.filter(({ key }) => pending.has(key));
  const waitSeconds = Math.ceil((started.slot - Date.now()) / 1000);
  if (waitSeconds > 0) {
    await env.VERIFY_QUEUE.send({ ...chunk, addresses, slot: started.slot }, { delaySeconds: waitSeconds });
    return;
  }

  const deadline = Date.now() + Math.min(CHUNK_MAX_MS, CHUNK_BASE_MS + addresses.length * CHUNK_PER_ADDRESS_MS);
  // The job's owner is the caller the probers share their sessions by, as for its /v1/verify.
  const caller = await probeIdOf((await jobOwner(env, chunk.job)) ?? `job:${chunk.job}`);
  const context = { settings, lists: await listOverrides(env), waitUntil: (promise: Promise<unknown>) => ctx.waitUntil(promise), regionHint: undefined, caller };
  const group = await verifyGroup(addresses.map(({ email }) => email), { smtp: true, deadline, transcript: false, avoid: chunk.avoid }, context);

  const answers: Parameters<typeof job.record>[1] = [];
  const greylisted: { address: (typeof addresses)[number]; wait: number }[] = [];
  const proberFailed: typeof addresses = [];
  const tried = new Set(chunk.avoid);
  group.results.forEach(({ reason, flags }, index) => {
    const address = addresses[index]!;
    const failure = group.proberFailure[index];
    if (reason === "greylisted" && chunk.greylistRetries < settings.jobGreylistRetries) {
      greylisted.push({ address, wait: group.retryAfter[index] ?? GREYLIST_DEFAULT_WAIT_S });
    } else if (failure && chunk.proberRetries < settings.jobProberRetries) {
      proberFailed.push(address);
      for (const prober of failure.tried) tried.add(prober);
    } else {
      answers.push({ key: address.key, answer: { reason, flags } });
    }
  });
  const greylistDelay = Math.min(settings.jobGreylistMaxWaitSeconds, Math.max(GREYLIST_MIN_WAIT_S, Math.ceil(Math.max(0, ...greylisted.map(({ wait }) => wait)))));
  const proberDelay = PROBER_RETRY_WAIT_S * 2 ** chunk.proberRetries;
  const retryDelay = Math.max(greylisted.length > 0 ? greylistDelay : 0, proberFailed.length > 0 ? proberDelay : 0);
  // Answers first, and the retries announced (so the job's watchdog waits for them): a crash
  // after this point redelivers the chunk, which skips what is answered.
  if (answers.length > 0 || retryDelay > 0) await job.record(chunk.run, answers, retryDelay > 0 ? { retryAt: Date.now() + retryDelay * 1000 } : {});
  if (greylisted.length > 0) {
    await env.VERIFY_QUEUE.send(
      { ...chunk, addresses: greylisted.map(({ address }) => address), greylistRetries: chunk.greylistRetries + 1, slot: undefined },
      { delaySeconds: greylistDelay },
    );
  }
  if (proberFailed.length > 0) {
    await env.VERIFY_QUEUE.send({ ...chunk, addresses: proberFailed, proberRetries: chunk.proberRetries + 1, avoid: [...tried], slot: undefined }, { delaySeconds: proberDelay });
  }
}
