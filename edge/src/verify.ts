import type { VerifyRequest, VerifyResult } from "../../shared/contract/schemas";
import { mailDomainReason, type MailDomainFacts, resolveMailDomain } from "../../shared/dns";
import { composeResult } from "../../shared/verify/compose";
import { checkOffline } from "../../shared/verify/offline";
import { edgeResolver } from "./dns";
import { cachedResult, rememberResult } from "./result-cache";
import { checkSmtp, SMTP_SKIPPED } from "./smtp-step";
import type { EdgeSettings } from "./env";
import type { ListOverrides } from "./lists";

export interface VerifyContext {
  settings: EdgeSettings;
  lists: ListOverrides;
  /** Keeps work alive after the response (a DNS lookup other requests may be waiting on). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** The caller's region (Cloudflare's continent code), to pick a prober near it. */
  regionHint: string | undefined;
}

/** Time kept back from the deadline for composing and sending the answer. */
const RESPONSE_MARGIN_MS = 100;

/**
 * Verifies one address at the edge: the offline checks, then DNS for addresses that passed
 * them, then, when asked and the domain takes mail, SMTP through a prober. With `smtp=false`
 * an address whose domain takes mail is unknown/smtp_skipped, with its MX hosts attached.
 *
 * @example
 * await verifyAddress({ email: "a@b.com", smtp: false, timeoutMs: 8000, transcript: false }, context);
 */
export async function verifyAddress(request: VerifyRequest, context: VerifyContext): Promise<VerifyResult> {
  const startedAt = Date.now();
  const deadline = startedAt + request.timeoutMs - RESPONSE_MARGIN_MS;
  const offline = checkOffline(request.email, { ...context.lists, allowReservedDomains: context.settings.allowReservedDomains });
  const address = offline.address;
  const ttl = context.settings.resultCacheTtlSeconds;
  // A transcript is of this conversation, so a request for one is never answered from cache.
  if (request.smtp && !request.transcript && address !== null && ttl > 0) {
    const cached = await cachedResult(caches.default, request.email, address.normalized);
    if (cached) return cached;
  }
  const askDns = address !== null && !address.isLiteral && !offline.reasons.includes("invalid_domain");
  const dns = askDns ? await mailDomainFacts(address.domain, deadline, context) : undefined;
  const mx = dns && "mx" in dns ? dns.mx : [];
  const dnsReason = (dns && mailDomainReason(dns)) ?? undefined;
  // SMTP is asked only when DNS found where the mail goes and nothing rules the address out.
  const askSmtp = request.smtp && address !== null && mx.length > 0 && dnsReason === undefined;
  const smtp = askSmtp
    ? await checkSmtp(address, mx, { settings: context.settings, regionHint: context.regionHint, deadline, transcript: request.transcript })
    : SMTP_SKIPPED;
  const result = composeResult({ email: request.email, offline, mx, dnsReason, smtp, startedAt });
  if (smtp.info.performed && !request.transcript) context.waitUntil(rememberResult(caches.default, result, ttl));
  return result;
}

/**
 * The domain's mail facts, or dns_error if DNS cannot answer by the deadline. The lookup goes
 * on in the background even so: other requests may be waiting on it, and its answer is cached.
 */
async function mailDomainFacts(domain: string, deadline: number, context: VerifyContext): Promise<MailDomainFacts> {
  const lookup = resolveMailDomain(edgeResolver(context.settings.dohUrls), domain);
  context.waitUntil(lookup);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timedOut = new Promise<MailDomainFacts>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "dns_error", detail: "no answer before the deadline" }), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([lookup, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
