/**
 * Runs `task` over `items` with at most `concurrency` running at once and yields the results
 * in the items' order, each as soon as it and every one before it are done. A failure is
 * thrown where its item's result would have been yielded.
 *
 * @example
 * for await (const result of mapInOrder(addresses, 4, (email) => api.verify(email, options))) print(result);
 */
export async function* mapInOrder<T, R>(items: readonly T[], concurrency: number, task: (item: T) => Promise<R>): AsyncGenerator<R> {
  const started: Promise<R>[] = [];
  const startNext = () => {
    if (started.length >= items.length) return;
    const running = task(items[started.length]!);
    // Handled where it is awaited, in order; until then a rejection must not count as unhandled.
    running.catch(() => {});
    started.push(running);
  };
  for (let i = 0; i < concurrency; i++) startNext();
  for (let i = 0; i < items.length; i++) {
    const result = await started[i]!;
    startNext();
    yield result;
  }
}
