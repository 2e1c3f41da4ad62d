import type { ProberEntry } from "../../../shared/settings/variables";
import type { ProberHealthBook } from "./health";

/** What, beyond the caller's region and recent failures, decides the order of probers. */
export interface ProberPreferences {
  /** Probers the caller names to try after every other (a bulk job retrying work they failed or were blocked on). */
  avoid?: ReadonlySet<string>;
  /** Probers the standing review found degraded: used only when no other can answer. */
  degraded?: ReadonlySet<string>;
  /** Regions to move away from (those of probers found degraded or blocked): blocks often cover a provider's whole range. */
  awayFromRegions?: ReadonlySet<string>;
}

/**
 * The order in which to try probers for one request: healthy probers first, and among them those
 * of the caller's region, except that a region whose probers were found degraded or blocked comes
 * after the others; then the ones cooling down after failures (a prober that failed a minute ago
 * beats no answer at all); then the degraded ones, used only when no other can answer; and after
 * all of them the ones the caller names in `avoid`. Within each group the configured order
 * holds, so operators can rank them.
 *
 * @example
 * orderProbers(probers, "eu", health).map((p) => p.id); // ["eu1", "eu2", "us1"]
 * orderProbers(probers, "eu", health, { avoid: new Set(["eu1"]) }).map((p) => p.id); // ["eu2", "us1", "eu1"]
 * orderProbers(probers, "eu", health, { degraded: new Set(["eu1"]), awayFromRegions: new Set(["eu"]) }).map((p) => p.id); // ["us1", "eu2", "eu1"]
 */
export function orderProbers(
  probers: readonly ProberEntry[],
  regionHint: string | undefined,
  health: ProberHealthBook,
  preferences: ProberPreferences = {},
  now = Date.now(),
): ProberEntry[] {
  const region = regionHint?.toLowerCase();
  const away = new Set([...(preferences.awayFromRegions ?? [])].map((name) => name.toLowerCase()));
  const rank = (prober: ProberEntry) =>
    (preferences.avoid?.has(prober.id) ? 16 : 0) +
    (preferences.degraded?.has(prober.id) ? 8 : 0) +
    (health.isAvoided(prober.id, now) ? 4 : 0) +
    (away.has(prober.region.toLowerCase()) ? 2 : 0) +
    (region !== undefined && prober.region.toLowerCase() === region ? 0 : 1);
  return probers
    .map((prober, index) => ({ prober, index, rank: rank(prober) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ prober }) => prober);
}
