import type { MxRecord } from "../../shared/contract/schemas";
import type { ProbeAddressResult, ProbeResponse } from "../../shared/contract/probe";
import type { ParsedAddress } from "../../shared/address/parse";
import type { SmtpFacts } from "../../shared/verify/compose";
import type { EdgeSettings } from "./env";
import { askProbers } from "./probers/ask";
import { ProberHealthBook } from "./probers/health";

/** What this isolate has seen of the probers, shared by its requests. */
const health = new ProberHealthBook();

export const SMTP_SKIPPED: SmtpFacts = { reason: "smtp_skipped", info: { performed: false } };

/** What the SMTP step learned of one address. */
export interface SmtpOutcome {
  facts: SmtpFacts;
  /** Seconds the server asked to wait before asking again (greylisting), or null. */
  retryAfter: number | null;
  /** Set when no prober answered (down, broken, busy or out of time): the probers asked. */
  proberFailure: { tried: string[] } | null;
}

export interface SmtpContext {
  settings: EdgeSettings;
  regionHint: string | undefined;
  deadline: number;
  transcript: boolean;
  /** Probers to ask only when no other can (a bulk retry of work they failed on). */
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
 *
 * @example
 * const [{ facts, retryAfter }] = await checkSmtp([address], mx, { settings, regionHint: "eu", deadline, transcript: false });
 */
export async function checkSmtp(addresses: ParsedAddress[], mx: MxRecord[], context: SmtpContext): Promise<SmtpOutcome[]> {
  const { settings } = context;
  const domain = addresses[0]?.domain;
  if (settings.probers.length === 0 || domain === undefined) return outcomeForAll(addresses, SMTP_SKIPPED, null);
  const answer = await askProbers(
    {
      domain,
      mx,
      addresses: addresses.map((address) => ({ address: address.normalized, smtputf8: address.smtputf8 })),
      ...(context.transcript && { transcript: true }),
      ...(context.caller && { caller: context.caller }),
      ...(context.requestId && { request_id: context.requestId }),
    },
    {
      probers: settings.probers,
      regionHint: context.regionHint,
      health,
      secrets: settings.proberSecrets,
      deadline: context.deadline,
      ...(context.avoid && { avoid: context.avoid }),
    },
  );
  if (answer.kind !== "answered") {
    const facts: SmtpFacts = { reason: answer.kind === "timeout" ? "timeout" : "error", info: { performed: false } };
    return outcomeForAll(addresses, facts, { tried: answer.tried });
  }
  const byAddress = new Map(answer.response.results.map((result) => [result.address, result]));
  return addresses.map((address) => {
    const result = byAddress.get(address.normalized);
    // A prober that leaves out an address it was asked about answered nothing for it.
    if (!result) return { facts: { reason: "error", info: { performed: false, prober: answer.prober } }, retryAfter: null, proberFailure: null };
    return { facts: smtpFactsOf(result, answer.response, answer.prober), retryAfter: result.retry_after, proberFailure: null };
  });
}

function outcomeForAll(addresses: ParsedAddress[], facts: SmtpFacts, proberFailure: SmtpOutcome["proberFailure"]): SmtpOutcome[] {
  return addresses.map(() => ({ facts, retryAfter: null, proberFailure }));
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
