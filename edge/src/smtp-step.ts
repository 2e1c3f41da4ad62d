import type { MxRecord } from "../../shared/contract/schemas";
import { signRequest } from "../../shared/hop";
import type { ParsedAddress } from "../../shared/address/parse";
import type { SmtpFacts } from "../../shared/verify/compose";
import type { EdgeSettings } from "./env";
import { askProbers, type ProberAnswer } from "./probers/ask";
import { ProberHealthBook } from "./probers/health";

/** What this isolate has seen of the probers, shared by its requests. */
const health = new ProberHealthBook();

export const SMTP_SKIPPED: SmtpFacts = { reason: "smtp_skipped", info: { performed: false } };

/**
 * The SMTP step at the edge: asks a prober (signed hop, failover, deadline) whether the server
 * takes mail for the address, and turns its answer into SMTP facts. An accepted address at a
 * domain that accepts anything is only risky/catch_all: the 250 says nothing of the mailbox.
 *
 * @example
 * const smtp = await checkSmtp(address, mx, { settings, regionHint: "eu", deadline, transcript: false });
 */
export async function checkSmtp(
  address: ParsedAddress,
  mx: MxRecord[],
  context: { settings: EdgeSettings; regionHint: string | undefined; deadline: number; transcript: boolean },
): Promise<SmtpFacts> {
  const { settings } = context;
  if (settings.probers.length === 0) return SMTP_SKIPPED;
  const answer = await askProbers(
    {
      domain: address.domain,
      mx,
      addresses: [{ address: address.normalized, smtputf8: address.smtputf8 }],
      ...(context.transcript && { transcript: true }),
    },
    {
      probers: settings.probers,
      regionHint: context.regionHint,
      health,
      sign: (request) => signRequest(request, settings.proberSecrets),
      deadline: context.deadline,
    },
  );
  return smtpFactsOf(answer);
}

function smtpFactsOf(answer: ProberAnswer): SmtpFacts {
  if (answer.kind === "timeout") return { reason: "timeout", info: { performed: false } };
  if (answer.kind === "unavailable") return { reason: "error", info: { performed: false } };
  const { response, prober } = answer;
  const result = response.results[0];
  if (!result) return { reason: "error", info: { performed: false, prober } };
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
      prober,
      duration_ms: result.duration_ms,
      ...(response.transcript && { transcript: response.transcript }),
    },
  };
}
