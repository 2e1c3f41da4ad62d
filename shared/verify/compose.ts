import type { MxRecord, VerifyResult } from "../contract/schemas";
import { decide, type Reason, verdictOf } from "../contract/taxonomy";
import type { OfflineFacts } from "./offline";
import { score } from "./score";

/** What the SMTP step (or its absence) found: the reason, and the prober's details for `smtp`. */
export interface SmtpFacts {
  reason: Reason;
  info: VerifyResult["smtp"];
  catchAll?: boolean;
}

export interface Findings {
  email: string;
  offline: OfflineFacts;
  /** Mail servers of the domain, when DNS was asked. */
  mx?: MxRecord[];
  /** The reason DNS gave, when it decides anything (invalid_domain, no_mail_server, dns_error). */
  dnsReason?: Reason;
  smtp: SmtpFacts;
  startedAt: number;
}

/**
 * Composes the contract's result from everything learned about one address: the deciding
 * reason by precedence, its verdict, the flags, the score and the domain block.
 *
 * @example
 * composeResult({ email, offline, smtp: { reason: "smtp_skipped", info: { performed: false } }, startedAt });
 */
export function composeResult({ email, offline, mx, dnsReason, smtp, startedAt }: Findings): VerifyResult {
  const reasons = [...offline.reasons, ...(dnsReason ? [dnsReason] : []), smtp.reason];
  const reason = decide(reasons) ?? "error";
  const flags = { ...offline.flags, catch_all: smtp.catchAll ?? false };
  const address = offline.address;
  return {
    email,
    normalized: address?.normalized ?? null,
    verdict: verdictOf(reason),
    reason,
    flags,
    suggestion: offline.suggestion,
    score: score({ reason, flags, hasSuggestion: offline.suggestion !== null }),
    domain: address ? { name: address.domainUnicode, ascii: address.domain, mx: mx ?? [] } : null,
    smtp: smtp.info,
    duration_ms: Math.max(0, Math.round(Date.now() - startedAt)),
    bounce: null,
  };
}
