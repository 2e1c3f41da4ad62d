/**
 * `work`, or the signal's reason as soon as `signal` fires, whichever comes first. Ctrl-C must
 * end the command even when a request's own abort path leaves its promise pending: with nothing
 * else to wait for, Node would then end the process with exit 13 (unsettled top-level await)
 * instead of the CLI's 130 and its "fetch the results later" hint.
 *
 * @example
 * const response = await untilAborted(fetch(url, { signal }), signal);
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}
