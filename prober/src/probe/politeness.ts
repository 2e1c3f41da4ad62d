import { canonicalName } from "../../../shared/dns/wire-name";
import type { RcptPace } from "./server-rate";

/**
 * How politely the prober treats mail servers: the one table of per-provider rules, and the
 * general limits. A prober's IP is only useful while mail servers think well of it, so every
 * rule here errs on the side of asking less.
 */

/** What the prober does at the MX hosts of one provider. */
export interface PolitenessRule {
  /** Who runs the hosts; for logs and tests. */
  readonly provider: string;
  /** The MX host names the rule covers, matched against the lower-case name without a final dot. */
  readonly mxHost: RegExp;
  /**
   * `probe`: ask the server. `assume_catch_all`: ask nothing and answer `catch_all`, for
   * providers that accept every RCPT, so asking would spend our IP's reputation for no answer.
   */
  readonly action: "probe" | "assume_catch_all";
  /** RCPT commands in one SMTP session; the next addresses get new sessions. */
  readonly recipientsPerSession: number;
  /**
   * RCPT commands a second to one of its servers (all of them, for a named provider), learned
   * between the start and the ceiling; null for hosts no provider rule names, which get the
   * prober's setting (MAILVET_PROBER_HOST_RATE).
   */
  readonly pace: RcptPace | null;
}

/**
 * Rejections one session takes before the prober opens another: stock Postfix answers every
 * command a second late once a session has made 10 errors (smtpd_soft_error_limit, and
 * smtpd_error_sleep_time) and drops it with 421 at 20 (smtpd_hard_error_limit); Exim and
 * Exchange count the same way. Servers that allow fewer teach the prober so (host-tolerance.ts).
 */
export const ERRORS_PER_SESSION = 9;

/**
 * Transactions (RSETs) in one session: Postfix counts RSET as a junk command and, past
 * smtpd_junk_command_limit (100), counts each as an error.
 */
export const TRANSACTIONS_PER_SESSION = 50;

/**
 * RFC 5321 §4.5.3.1.8: a server must accept at least 100 recipients in a transaction, so no
 * transaction has more.
 */
export const MAX_RECIPIENTS_PER_TRANSACTION = 100;

/** The rules, first match wins; hosts no rule names get DEFAULT_RULE. */
export const POLITENESS_RULES: readonly PolitenessRule[] = [
  {
    // Exchange Online answers a second RCPT in a session with 452 4.5.3 or 451 4.4.4.
    provider: "microsoft",
    mxHost: /\.(?:mail|olc)\.protection\.outlook\.com$/,
    action: "probe",
    recipientsPerSession: 1,
    // One RCPT a session: a new session per address is the cost, so few a second.
    pace: { startPerSecond: 5, maxPerSecond: 20 },
  },
  {
    // Gmail and Google Workspace take 100 recipients a transaction and many sessions from a
    // clean IP; "421 4.7.0 Try again later" and "4.7.28 unusual rate" are what we back off on.
    provider: "google",
    mxHost: /(?:^|\.)(?:google|googlemail)\.com$/,
    action: "probe",
    recipientsPerSession: Number.POSITIVE_INFINITY,
    pace: { startPerSecond: 20, maxPerSecond: 100 },
  },
  {
    // Consumer Yahoo and AOL accept every RCPT and bounce later.
    provider: "yahoo",
    mxHost: /(?:^|\.)yahoodns\.net$/,
    action: "assume_catch_all",
    recipientsPerSession: 0,
    pace: null,
  },
];

export const DEFAULT_RULE: PolitenessRule = {
  provider: "any",
  mxHost: /(?:)/,
  action: "probe",
  recipientsPerSession: Number.POSITIVE_INFINITY,
  pace: null,
};

/**
 * The rule for an MX host name.
 *
 * @example
 * politenessRuleFor("contoso-com.mail.protection.outlook.com.").recipientsPerSession; // 1
 * politenessRuleFor("mta5.am0.yahoodns.net").action; // "assume_catch_all"
 * politenessRuleFor("mx.example.org") === DEFAULT_RULE; // true
 */
export function politenessRuleFor(mxHost: string): PolitenessRule {
  const name = canonicalName(mxHost);
  return POLITENESS_RULES.find((rule) => rule.mxHost.test(name)) ?? DEFAULT_RULE;
}

/** How far clean answers may raise a server's rate above where it started. */
const CEILING_OVER_START = 5;

/**
 * Where a server's RCPT rate is kept and how fast it may go: a named provider's servers share
 * one rate (a provider judges our IP as a whole), any other server has its own per address,
 * so many domains hosted on one server share its rate.
 *
 * @example
 * serverPace(politenessRuleFor("mx.example.org"), "192.0.2.7", 10); // { key: "192.0.2.7", pace: { startPerSecond: 10, maxPerSecond: 50 } }
 */
export function serverPace(rule: PolitenessRule, ip: string, hostRcptPerSecond: number): { key: string; pace: RcptPace } {
  if (rule.pace) return { key: `provider:${rule.provider}`, pace: rule.pace };
  return { key: ip, pace: { startPerSecond: hostRcptPerSecond, maxPerSecond: hostRcptPerSecond * CEILING_OVER_START } };
}
