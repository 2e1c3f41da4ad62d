/** What the prober's log says of the probes it ran while the tap was on. */
export interface ProberLogCounts {
  probes: number;
  addresses: number;
  /** The probes' own durations, summed (they overlap: many run at once). */
  probeSeconds: number;
  /** Politeness waits the prober reports in its probe lines (`politeness_wait_ms`, itself a sum over a probe's sessions), summed; null where it reports none. */
  waitSeconds: number | null;
}

export interface ProberLogTap {
  counts(): ProberLogCounts;
  /** Stops counting and lets the prober's lines through again. */
  stop(): void;
}

/** The prober's JSON line for a probe (`"msg":"probe"`), as the stack prints it: `[prober] {…}`. */
const PREFIX = "[prober] ";

interface ProbeLine {
  msg: string;
  addresses: number;
  duration_ms: number;
  politeness_wait_ms?: number;
}

/**
 * Reads the prober's one line per probe as the local stack prints it to this process's
 * stdout (infra/local/processes.ts prefixes it `[prober]`), and keeps those lines out of the
 * bench's output while on: the only account of a prober's time there is from outside it.
 *
 * @example
 * const tap = tapProberLog();
 * // … a job runs …
 * tap.stop(); tap.counts().probeSeconds;
 */
export function tapProberLog(): ProberLogTap {
  const counts: ProberLogCounts = { probes: 0, addresses: 0, probeSeconds: 0, waitSeconds: null };
  const write = process.stdout.write.bind(process.stdout);
  let pending = "";
  const tapped = (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const lines = (pending + (typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"))).split("\n");
    pending = lines.pop() ?? "";
    const kept = lines.filter((line) => !count(counts, line));
    if (kept.length > 0) return (write as (chunk: string, ...rest: unknown[]) => boolean)(`${kept.join("\n")}\n`, ...rest);
    return true;
  };
  process.stdout.write = tapped as typeof process.stdout.write;
  return {
    counts: () => ({ ...counts }),
    stop() {
      process.stdout.write = write;
      if (pending) write(pending);
    },
  };
}

/** Adds a probe line to `counts`; false for any other line. */
function count(counts: ProberLogCounts, line: string): boolean {
  const probe = probeLine(line);
  if (!probe) return false;
  counts.probes++;
  counts.addresses += probe.addresses;
  counts.probeSeconds += probe.duration_ms / 1000;
  if (probe.politeness_wait_ms !== undefined) counts.waitSeconds = (counts.waitSeconds ?? 0) + probe.politeness_wait_ms / 1000;
  return true;
}

function probeLine(line: string): ProbeLine | null {
  if (!line.startsWith(`${PREFIX}{`)) return null;
  try {
    const parsed = JSON.parse(line.slice(PREFIX.length)) as ProbeLine;
    return parsed.msg === "probe" ? parsed : null;
  } catch {
    return null;
  }
}
