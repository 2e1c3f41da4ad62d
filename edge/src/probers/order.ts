import type { ProberEntry } from "../../../shared/settings/variables";
import type { ProberHealthBook } from "./health";

/**
 * The order in which to try probers for one request: healthy probers of the caller's region
 * first, then healthy ones elsewhere, then, as a last resort, the ones cooling down after
 * failures (a prober that failed a minute ago beats no answer at all), and after all of them the
 * ones the caller names in `avoid` (a bulk job retrying work another prober failed on). Within
 * each group the configured order holds, so operators can rank them.
 *
 * @example
 * orderProbers(probers, "eu", health).map((p) => p.id); // ["eu1", "eu2", "us1"]
 * orderProbers(probers, "eu", health, new Set(["eu1"])).map((p) => p.id); // ["eu2", "us1", "eu1"]
 */
export function orderProbers(
  probers: readonly ProberEntry[],
  regionHint: string | undefined,
  health: ProberHealthBook,
  avoid: ReadonlySet<string> = new Set(),
  now = Date.now(),
): ProberEntry[] {
  const region = regionHint?.toLowerCase();
  const rank = (prober: ProberEntry) =>
    (avoid.has(prober.id) ? 4 : 0) + (health.isAvoided(prober.id, now) ? 2 : 0) + (region !== undefined && prober.region.toLowerCase() === region ? 0 : 1);
  return probers
    .map((prober, index) => ({ prober, index, rank: rank(prober) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ prober }) => prober);
}
