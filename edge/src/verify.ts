import type { VerifyRequest, VerifyResult } from "../../shared/contract/schemas";
import { composeResult } from "../../shared/verify/compose";
import { checkOffline } from "../../shared/verify/offline";
import type { EdgeSettings } from "./env";
import type { ListOverrides } from "./lists";

export interface VerifyContext {
  settings: EdgeSettings;
  lists: ListOverrides;
}

/**
 * Verifies one address at the edge: the offline checks always; DNS and the prober's SMTP
 * check are the next steps of the pipeline and, until they are wired in, every address that
 * passes the offline checks is unknown/smtp_skipped.
 *
 * @example
 * await verifyAddress({ email: "a@b.com", smtp: false, timeoutMs: 8000 }, context);
 */
export async function verifyAddress(request: VerifyRequest, context: VerifyContext): Promise<VerifyResult> {
  const startedAt = Date.now();
  const offline = checkOffline(request.email, {
    ...context.lists,
    allowReservedDomains: context.settings.allowReservedDomains,
  });
  return composeResult({
    email: request.email,
    offline,
    smtp: { reason: "smtp_skipped", info: { performed: false } },
    startedAt,
  });
}
