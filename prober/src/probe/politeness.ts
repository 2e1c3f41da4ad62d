import { canonicalName } from "../../../shared/dns/wire-name";

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
}

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
  },
  {
    // Consumer Yahoo and AOL accept every RCPT and bounce later.
    provider: "yahoo",
    mxHost: /(?:^|\.)yahoodns\.net$/,
    action: "assume_catch_all",
    recipientsPerSession: 0,
  },
];

export const DEFAULT_RULE: PolitenessRule = {
  provider: "any",
  mxHost: /(?:)/,
  action: "probe",
  recipientsPerSession: Number.POSITIVE_INFINITY,
};

/**
 * The general limits, safe for a prober on a real IP; settings raise them for tests and
 * benchmarks (MAILVET_PROBER_MAX_SESSIONS, _PER_HOST_SESSIONS, _DOMAIN_RATE, _CATCH_ALL_TTL).
 */
export const DEFAULT_LIMITS = {
  /** Probe requests at once; each holds at most one SMTP session at a time. */
  maxSessions: 32,
  /** Sessions at once to one MX host: more looks like a spam run to most MTAs. */
  perHostSessions: 2,
  /** RCPT commands per second to one domain. */
  domainRcptPerSecond: 5,
  /** Seconds a domain's catch-all answer is reused, so a domain costs one extra RCPT an hour. */
  catchAllTtlSeconds: 3600,
} as const;

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
