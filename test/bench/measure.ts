export interface Measurement {
  name: string;
  perSecond: number;
}

/**
 * Runs `work` (which handles `items` items) once to warm up, then `rounds` times, and keeps the
 * best round: on a noisy machine the fastest round is the one least disturbed.
 *
 * @example
 * const m = await measure("isEmail", list.length, () => list.forEach(isEmail));
 */
export async function measure(name: string, items: number, work: () => unknown, rounds = 5): Promise<Measurement> {
  await work();
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return { name, perSecond: (items / best) * 1000 };
}

/**
 * Prints measurements as a table with each one's speed relative to the first.
 *
 * @example
 * printRatios("Offline checks", [ours, isEmail]);
 */
export function printRatios(title: string, measurements: Measurement[]): void {
  const [reference] = measurements;
  if (!reference) return;
  console.log(`\n## ${title}\n`);
  console.log("| contender | addresses/s | mailvet is × faster |");
  console.log("|---|---:|---:|");
  for (const m of measurements) {
    console.log(`| ${m.name} | ${Math.round(m.perSecond).toLocaleString("en-US")} | ${(reference.perSecond / m.perSecond).toFixed(2)} |`);
  }
}
