import type { MxRecord } from "../../shared/contract/schemas";
import type { ProbeAddressResult, ProbeResponse } from "../../shared/contract/probe";
import type { ParsedAddress } from "../../shared/address/parse";
import type { SmtpFacts } from "../../shared/verify/compose";
import type { EdgeSettings } from "./env";
import type { ProberEntry } from "../../shared/settings/variables";
import { askProbers, type ProberAnswer } from "./probers/ask";
import { ProberHealthBook } from "./probers/health";
import type { ProberReview } from "./probers/review";

/** What this isolate has seen of the probers, shared by its requests. */
const health = new ProberHealthBook();

export const SMTP_SKIPPED: SmtpFacts = { reason: "smtp_skipped", info: { performed: false } };

/** What an edge without probers answers where SMTP was asked for: skipped, and why, never silently. */
export const NO_PROBERS_MESSAGE = "no prober is configured (MAILVET_PROBERS): SMTP was not checked";
const SMTP_SKIPPED_NO_PROBERS: SmtpFacts = { reason: "smtp_skipped", info: { performed: false, message: NO_PROBERS_MESSAGE } };

/** What the SMTP step learned of one address. */
export interface SmtpOutcome {
  facts: SmtpFacts;
  /** Seconds the server asked to wait before asking again (greylisting), or null. */
  retryAfter: number | null;
  /** Set when no prober answered (down, broken, busy or out of time): the probers asked. */
  proberFailure: { tried: string[] } | null;
  /** The probers whose answer for the address was a block reply (empty when it was not blocked). */
  blockedBy: string[];
}

export interface SmtpContext {
  settings: EdgeSettings;
  regionHint: string | undefined;
  deadline: number;
  transcript: boolean;
  /** The probers' standing (degraded ones go last), told of every block reply met. */
  review: ProberReview;
  /** Probers to ask only when no other can (a bulk retry of work they failed or were blocked on). */
  avoid?: readonly string[];
  /** The caller's opaque id, so a prober can share its sessions fairly between callers. */
  caller?: string | undefined;
  /** The id the edge logs the request by, for the prober's log (shared/log/request-id.ts). */
  requestId?: string | undefined;
}

/**
 * The SMTP step at the edge: asks a prober (signed hop, failover, deadline) whether the server
 * takes mail for addresses of one domain, all in one probe, so one session can check them all,
 * and turns its answer into one outcome per address, in the order asked. An accepted address at
 * a domain that accepts anything is only risky/catch_all: the 250 says nothing of the mailbox.
 * A block reply is about the prober, never the address: addresses a prober was blocked on are
 * asked again of another prober (another region first) while one is left and time allows; the
 * block stands only when every prober that could be asked was blocked too.
 *
 * @example
 * const [{ facts, retryAfter }] = await checkSmtp([address], mx, { settings, regionHint: "eu", deadline, transcript: false, review });
 */
export async function checkSmtp(addresses: ParsedAddress[], mx: MxRecord[], context: SmtpContext): Promise<SmtpOutcome[]> {
  const { settings } = context;
  const domain = addresses[0]?.domain;
  if (settings.probers.length === 0) return outcomeForAll(addresses, SMTP_SKIPPED_NO_PROBERS, null);
  if (domain === undefined) return outcomeForAll(addresses, SMTP_SKIPPED, null);
  const outcomes: SmtpOutcome[] = [];
  const blockedBy: string[] = [];
  let pending = addresses.map((_, index) => index);
  while (pending.length > 0) {
    const probers = settings.probers.filter(({ id }) => !blockedBy.includes(id));
    if (probers.length === 0) break;
    const answer = await askOnce(
      pending.map((index) => addresses[index]!),
      mx,
      { ...context, probers, blockedBy },
    );
    if (answer.kind !== "answered") {
      // After a block, the block stands: no other prober could say more in time.
      if (blockedBy.length > 0) break;
      const facts: SmtpFacts = { reason: answer.kind === "timeout" ? "timeout" : "error", info: { performed: false } };
      return outcomeForAll(addresses, facts, { tried: answer.tried });
    }
    noteAnswer(context.review, domain, answer);
    const byAddress = new Map(answer.response.results.map((result) => [result.address, result]));
    const blocked = pending.filter((index) => {
      const result = byAddress.get(addresses[index]!.normalized);
      outcomes[index] = outcomeOf(result, answer, result?.reason === "blocked" ? [...blockedBy, answer.prober] : []);
      return result?.reason === "blocked";
    });
    if (blocked.length > 0) blockedBy.push(answer.prober);
    pending = blocked;
  }
  return outcomes;
}

type Answered = Extract<ProberAnswer, { kind: "answered" }>;

/** One round: the addresses to whichever prober comes first, away from those that blocked them. */
function askOnce(addresses: ParsedAddress[], mx: MxRecord[], context: SmtpContext & { probers: ProberEntry[]; blockedBy: string[] }) {
  const { settings, review } = context;
  const regionOf = (id: string) => settings.probers.find((prober) => prober.id === id)?.region;
  const awayFrom = [...context.blockedBy, ...review.degraded].map(regionOf).filter((region) => region !== undefined);
  return askProbers(
    {
      domain: addresses[0]!.domain,
      mx,
      addresses: addresses.map((address) => ({ address: address.normalized, smtputf8: address.smtputf8 })),
      ...(context.transcript && { transcript: true }),
      ...(context.caller && { caller: context.caller }),
      ...(context.requestId && { request_id: context.requestId }),
    },
    {
      probers: context.probers,
      regionHint: context.regionHint,
      health,
      secrets: settings.proberSecrets,
      deadline: context.deadline,
      preferences: { avoid: new Set(context.avoid), degraded: review.degraded, awayFromRegions: new Set(awayFrom) },
    },
  );
}

/** Tells the review what the domain's server said to the prober: a block, or an answer that is not one. */
function noteAnswer(review: ProberReview, domain: string, answer: Answered): void {
  const block = answer.response.results.find((result) => result.reason === "blocked");
  if (block) review.noteAnswer(answer.prober, domain, block.rule);
  else if (answer.response.results.some((result) => result.code !== null)) review.noteAnswer(answer.prober, domain, undefined);
}

function outcomeOf(result: ProbeAddressResult | undefined, answer: Answered, blockedBy: string[]): SmtpOutcome {
  // A prober that leaves out an address it was asked about answered nothing for it.
  if (!result) return { facts: { reason: "error", info: { performed: false, prober: answer.prober } }, retryAfter: null, proberFailure: null, blockedBy };
  return { facts: smtpFactsOf(result, answer.response, answer.prober), retryAfter: result.retry_after, proberFailure: null, blockedBy };
}

function outcomeForAll(addresses: ParsedAddress[], facts: SmtpFacts, proberFailure: SmtpOutcome["proberFailure"]): SmtpOutcome[] {
  return addresses.map(() => ({ facts, retryAfter: null, proberFailure, blockedBy: [] }));
}

function smtpFactsOf(result: ProbeAddressResult, response: ProbeResponse, prober: string): SmtpFacts {
  const catchAll = response.catch_all === true;
  return {
    reason: result.reason === "accepted" && catchAll ? "catch_all" : result.reason,
    catchAll,
    info: {
      performed: result.code !== null,
      ...(result.host !== null && { host: result.host }),
      ...(result.code !== null && { code: result.code }),
      ...(result.enhanced !== null && { enhanced: result.enhanced }),
      ...(result.message !== null && { message: result.message }),
      ...(result.rule !== null && { rule: result.rule }),
      prober,
      duration_ms: result.duration_ms,
      ...(response.transcript && { transcript: response.transcript }),
    },
  };
}
