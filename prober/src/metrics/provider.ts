import { DEFAULT_RULE, politenessRuleFor } from "../probe/politeness";

/**
 * The provider an MX host belongs to, as a metric label: a provider the politeness table names
 * (`google`, `microsoft`, `yahoo`), `other`, or `none` when no MX host was reached. Never the
 * host itself: its names are as many as the domains checked, and a label per host would grow
 * Prometheus's series without bound. The names come from the table's MX patterns
 * (probe/politeness.ts), so the metrics and the rules the prober follows agree.
 *
 * @example
 * providerLabel("alt1.aspmx.l.google.com"); // "google"
 * providerLabel("mx.example.org"); // "other"
 * providerLabel(null); // "none"
 */
export function providerLabel(mxHost: string | null): string {
  if (mxHost === null) return "none";
  const rule = politenessRuleFor(mxHost);
  return rule === DEFAULT_RULE ? "other" : rule.provider;
}
