/**
 * Runs `work` over `items`, at most `concurrency` at a time, in order of start.
 *
 * @example
 * await pool(urls, 16, async (url) => void (await fetch(url)).arrayBuffer());
 */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * The nearest-rank percentile of an ascending list; NaN for an empty one.
 *
 * @example
 * percentile([1, 2, 3, 4], 0.5); // 2
 */
export function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}
