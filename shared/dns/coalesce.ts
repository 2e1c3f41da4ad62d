/**
 * Runs one task per key at a time: callers that ask for a key while its task is running get
 * the same promise instead of starting another.
 *
 * @example
 * const once = createCoalescer<string>();
 * await Promise.all([once("k", fetchIt), once("k", fetchIt)]); // fetchIt ran once
 */
export function createCoalescer<T>(): (key: string, task: () => Promise<T>) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (key, task) => {
    const existing = running.get(key);
    if (existing !== undefined) return existing;
    const started = task().finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
