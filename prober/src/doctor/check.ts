import type { DoctorCheck } from "../../../shared/contract/doctor";

export type CheckStatus = DoctorCheck["status"];

/**
 * A passing check: what was found, nothing to fix.
 *
 * @example
 * passed("ptr", "192.0.2.25 has the PTR name probe.example.net, which points back to it.");
 */
export function passed(id: string, summary: string, details?: Record<string, unknown>): DoctorCheck {
  return { id, status: "pass", summary, fix: null, ...(details ? { details } : {}) };
}

/**
 * A check that is not passing: what was found and what to do about it.
 *
 * @example
 * problem("ptr", "fail", "192.0.2.25 has no PTR record.", "Ask your hosting provider to set the PTR of 192.0.2.25 to your HELO name.");
 */
export function problem(id: string, status: Exclude<CheckStatus, "pass">, summary: string, fix: string, details?: Record<string, unknown>): DoctorCheck {
  return { id, status, summary, fix, ...(details ? { details } : {}) };
}

/** Worst first: a failure outweighs a warning, a warning a check that could not ask. */
const SEVERITY: Record<CheckStatus, number> = { pass: 0, unknown: 1, warn: 2, fail: 3 };

/**
 * The worst status of several: `fail` when any fails, else `warn`, else `unknown`, else `pass`.
 *
 * @example
 * worstStatus(["pass", "unknown", "warn"]); // "warn"
 * worstStatus([]); // "pass"
 */
export function worstStatus(statuses: readonly CheckStatus[]): CheckStatus {
  return statuses.reduce<CheckStatus>((worst, status) => (SEVERITY[status] > SEVERITY[worst] ? status : worst), "pass");
}
