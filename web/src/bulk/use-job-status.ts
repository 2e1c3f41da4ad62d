import { useEffect, useRef, useState } from "preact/hooks";
import { ErrorAnswer, jobStatus, type JobStatus } from "../api/client";

export interface JobWatch {
  status: JobStatus | null;
  /** The service answered 404: the job is unknown or expired (7 days). */
  expired: boolean;
  /** The last poll failed; polling goes on with a growing delay. */
  error: unknown;
  /** Bump to poll again at once after a failure that stopped polling (a 401, say). */
  retry: () => void;
}

const FIRST_POLL_MS = 400;
const POLL_MS = 1_000;
const SLOW_POLL_MS = 3_000;
const MAX_BACKOFF_MS = 15_000;
/** Polls without any progress before polling slows down. */
const SLOW_AFTER = 20;

/**
 * Follows a job: polls `GET /v1/jobs/{id}` about every second until it is done or failed
 * (slower when nothing moves for a while, backing off up to 15 s while the service cannot be
 * reached), and stops for good on a 404 (expired) or a 4xx other than 429.
 *
 * @example
 * const { status, expired } = useJobStatus(id, (status) => remember(status));
 */
export function useJobStatus(id: string, onStatus: (status: JobStatus) => void, onExpired: () => void): JobWatch {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [expired, setExpired] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const callbacks = useRef({ onStatus, onExpired });
  callbacks.current = { onStatus, onExpired };

  useEffect(() => {
    setStatus(null);
    setExpired(false);
    setError(null);
  }, [id]);

  useEffect(() => {
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let still = 0;
    let lastProcessed = -1;

    const poll = async () => {
      let next: number;
      try {
        const current = await jobStatus(id, abort.signal);
        if (abort.signal.aborted) return;
        failures = 0;
        setError(null);
        setStatus(current);
        callbacks.current.onStatus(current);
        if (current.status === "done" || current.status === "failed") return;
        still = current.processed === lastProcessed ? still + 1 : 0;
        lastProcessed = current.processed;
        next = still >= SLOW_AFTER ? SLOW_POLL_MS : POLL_MS;
      } catch (caught) {
        if (abort.signal.aborted) return;
        if (caught instanceof ErrorAnswer && caught.status === 404) {
          setExpired(true);
          callbacks.current.onExpired();
          return;
        }
        setError(caught);
        if (caught instanceof ErrorAnswer && caught.status >= 400 && caught.status < 500 && caught.status !== 429 && caught.status !== 408) return;
        failures += 1;
        next = Math.min(POLL_MS * 2 ** failures, MAX_BACKOFF_MS);
      }
      timer = setTimeout(poll, next);
    };
    timer = setTimeout(poll, attempt === 0 ? FIRST_POLL_MS : 0);
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [id, attempt]);

  return { status, expired, error, retry: () => setAttempt((value) => value + 1) };
}
