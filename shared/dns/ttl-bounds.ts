import type { LookupOutcome } from "./lookup-outcome";

export interface TtlRange {
  floor: number;
  ceiling: number;
}

/** Seconds an answer may be reused: a floor so busy domains are not asked every second, a
 * ceiling so a changed MX or a newly registered domain shows up soon. */
export interface TtlBounds {
  positive: TtlRange;
  /** For NXDOMAIN and NODATA (RFC 2308). */
  negative: TtlRange;
}

export const DEFAULT_TTL_BOUNDS: TtlBounds = {
  positive: { floor: 30, ceiling: 3600 },
  negative: { floor: 30, ceiling: 900 },
};

/**
 * The outcome with its TTL brought within the bounds; `dns_error` is left as it is.
 *
 * @example
 * boundTtl({ kind: "nxdomain", ttl: 86400 }, DEFAULT_TTL_BOUNDS); // { kind: "nxdomain", ttl: 900 }
 */
export function boundTtl<O extends LookupOutcome>(outcome: O, bounds: TtlBounds): O {
  if (outcome.kind === "dns_error") return outcome;
  const { floor, ceiling } = outcome.kind === "records" ? bounds.positive : bounds.negative;
  return { ...outcome, ttl: Math.min(ceiling, Math.max(floor, outcome.ttl)) };
}
