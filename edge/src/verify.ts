import type { VerifyRequest, VerifyResult } from "../../shared/contract/schemas";
import type { ParsedAddress } from "../../shared/address/parse";
import { mailDomainReason, type MailDomainFacts, resolveMailDomain } from "../../shared/dns";
import { applyBounce, decidesVerdict, type ListedBounce } from "../../shared/verify/bounce";
import { composeResult } from "../../shared/verify/compose";
import { checkOffline, type OfflineFacts } from "../../shared/verify/offline";
import { edgeResolver } from "./dns";
import { cachedResult, rememberResult } from "./result-cache";
import { checkSmtp, SMTP_SKIPPED, type SmtpOutcome } from "./smtp-step";
import type { EdgeSettings } from "./env";
import type { ListOverrides } from "./lists";
import type { ProberReview } from "./probers/review";

export interface VerifyContext {
  settings: EdgeSettings;
  lists: ListOverrides;
  /** Keeps work alive after the response (a DNS lookup other requests may be waiting on). */
  waitUntil: (promise: Promise<unknown>) => void;
  /** The caller's region (Cloudflare's continent code), to pick a prober near it. */
  regionHint: string | undefined;
  /** Who asked, as the opaque id probers share their sessions by (middleware/caller.ts). */
  caller?: string;
  /**
   * The caller's suppression list entries in force for these address keys (the normalised address
   * lower-cased); without it, results carry `bounce: null`.
   */
  suppressions?: (keys: readonly string[]) => Promise<ReadonlyMap<string, ListedBounce>>;
  /** The probers' standing: which are degraded, and where block replies are noted. */
  review: ProberReview;
  /** The id the request (or job step) is logged by; probers log their probes with it. */
  requestId?: string;
}

/** How a group of addresses is verified. */
export interface GroupOptions {
  smtp: boolean;
  /** Epoch milliseconds by which every answer must be composed. */
  deadline: number;
  transcript: boolean;
  /** Probers to ask only when no other can (they failed this work before). */
  avoid?: readonly string[];
}

/** The answer for one address of a group, with what a bulk job needs to know to ask again later. */
export interface AddressVerification {
  result: VerifyResult;
  /** Seconds the mail server asked to wait (greylisting), or null. */
  retryAfter: number | null;
  /** Set when no prober answered for the address: the probers tried. */
  proberFailure: { tried: string[] } | null;
  /** The probers whose answer for the address was a block reply (it was tried on each in turn). */
  blockedBy: string[];
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
  const ttl = context.settings.resultCacheTtlSeconds;
  const offline = checkOffline(request.email, offlineOptions(context));
  const listed = await suppressionsOf([offline], context);
  const entry = offline.address ? listed.get(listKey(offline.address)) : undefined;
  // A transcript is of this conversation, so a request for one is never answered from cache.
  if (request.smtp && !request.transcript && ttl > 0 && offline.address !== null) {
    const cached = await cachedResult(caches.default, request.email, offline.address.normalized);
    if (cached) return applyBounce(cached, entry);
  }
  const deadline = Date.now() + request.timeoutMs - RESPONSE_MARGIN_MS;
  const [verified] = await verifyChecked(
    [{ email: request.email, offline }],
    { smtp: request.smtp, deadline, transcript: request.transcript },
    context,
    listed,
  );
  const result = verified!.result;
  // The cache is shared by every caller, so it keeps the result without this caller's list.
  if (result.smtp.performed && !request.transcript) context.waitUntil(rememberResult(caches.default, { ...result, bounce: null }, ttl));
  return result;
}

/**
 * Verifies addresses together: the offline checks for each, DNS once per domain, then SMTP with
 * one probe per domain for every address that still needs it, so a prober can check a bulk
 * job's chunk of one domain in one session. One record per address, in the order given.
 *
 * @example
 * const [first, second] = await verifyGroup(["a@example.net", "b@example.net"], { smtp: true, deadline, transcript: false }, context);
 * first.result.reason; // "accepted"
 * second.retryAfter; // 300 when its server greylisted it
 */
export async function verifyGroup(emails: string[], options: GroupOptions, context: VerifyContext): Promise<AddressVerification[]> {
  const checked = emails.map((email) => ({ email, offline: checkOffline(email, offlineOptions(context)) }));
  return verifyChecked(
    checked,
    options,
    context,
    await suppressionsOf(
      checked.map(({ offline }) => offline),
      context,
    ),
  );
}

/** The key of an address on a suppression list (edge/src/suppressions/address-key.ts makes the same). */
const listKey = (address: ParsedAddress) => address.normalized.toLowerCase();

async function suppressionsOf(offline: readonly OfflineFacts[], context: VerifyContext): Promise<ReadonlyMap<string, ListedBounce>> {
  const keys = offline.flatMap(({ address }) => (address ? [listKey(address)] : []));
  return context.suppressions && keys.length > 0 ? context.suppressions(keys) : new Map();
}

/** verifyGroup for addresses whose offline checks are done already. */
async function verifyChecked(
  checked: { email: string; offline: OfflineFacts }[],
  options: GroupOptions,
  context: VerifyContext,
  listed: ReadonlyMap<string, ListedBounce>,
): Promise<AddressVerification[]> {
  const startedAt = Date.now();
  const emails = checked.map(({ email }) => email);
  const offline = checked.map((entry) => entry.offline);
  const lookups = new Map<string, Promise<MailDomainFacts>>();
  const dnsOf = (facts: OfflineFacts) => {
    const address = facts.address;
    if (address === null || address.isLiteral || facts.reasons.includes("invalid_domain")) return undefined;
    if (!lookups.has(address.domain)) lookups.set(address.domain, mailDomainFacts(address.domain, options.deadline, context));
    return lookups.get(address.domain);
  };
  const dns = await Promise.all(offline.map(dnsOf));
  const entryOf = (index: number) => {
    const address = offline[index]!.address;
    return address ? listed.get(listKey(address)) : undefined;
  };
  const mxOf = (index: number) => {
    const facts = dns[index];
    return facts && "mx" in facts ? facts.mx : [];
  };
  const dnsReasonOf = (index: number) => {
    const facts = dns[index];
    return (facts && mailDomainReason(facts)) ?? undefined;
  };
  // SMTP is asked only when DNS found where the mail goes and nothing rules the address out.
  const smtpByDomain = new Map<string, number[]>();
  offline.forEach((facts, index) => {
    if (!options.smtp || facts.address === null || mxOf(index).length === 0 || dnsReasonOf(index) !== undefined) return;
    // A hard bounce or a complaint decides already: the mail server is not asked again.
    if (decidesVerdict(entryOf(index))) return;
    smtpByDomain.set(facts.address.domain, [...(smtpByDomain.get(facts.address.domain) ?? []), index]);
  });
  const outcomes = new Map<number, SmtpOutcome>();
  await Promise.all(
    [...smtpByDomain.values()].map(async (indexes) => {
      const addresses = indexes.map((index) => offline[index]!.address as ParsedAddress);
      const domainOutcomes = await checkSmtp(addresses, mxOf(indexes[0]!), {
        settings: context.settings,
        regionHint: context.regionHint,
        caller: context.caller,
        review: context.review,
        requestId: context.requestId,
        ...options,
      });
      indexes.forEach((index, position) => outcomes.set(index, domainOutcomes[position]!));
    }),
  );
  return emails.map((email, index) => {
    const { facts, retryAfter, proberFailure, blockedBy } = outcomes.get(index) ?? NOT_ASKED;
    const result = composeResult({ email, offline: offline[index]!, mx: mxOf(index), dnsReason: dnsReasonOf(index), smtp: facts, startedAt });
    return { result: applyBounce(result, entryOf(index)), retryAfter, proberFailure, blockedBy };
  });
}

/** The SMTP outcome of an address no prober was asked about. */
const NOT_ASKED: SmtpOutcome = { facts: SMTP_SKIPPED, retryAfter: null, proberFailure: null, blockedBy: [] };

function offlineOptions(context: VerifyContext) {
  return { ...context.lists, allowReservedDomains: context.settings.allowReservedDomains };
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
