import { readdirSync } from "node:fs";
import { type ProcStat, procStat } from "./proc-usage";

/** What a set of processes used while sampled. */
export interface SampledUsage {
  /** The highest sum of their resident sets at any one sample. */
  peakRssBytes: number;
  /** CPU time they used between start and stop, processes started meanwhile included. */
  cpuSeconds: number;
}

export interface UsageSampler<Name extends string> {
  /** Takes a sample now and returns each set's usage so far, for the phases of a run. */
  sample(): Record<Name, SampledUsage>;
  /** Takes a last sample and stops (the first time), and returns each set's usage. */
  stop(): Record<Name, SampledUsage>;
}

/** Picks the processes of one set, by what /proc says of each. */
export type ProcessSelector = (process: ProcStat & { pid: number }) => boolean;

/**
 * Samples every process on the machine from /proc every `intervalMs`, and sums the CPU and
 * resident memory of the processes each selector picks: the peak of a whole process tree
 * (wrangler, the workerd it runs), which no single process's VmHWM shows, and CPU time that
 * includes processes started during the run. A process's CPU before the first sample does
 * not count; a process that ends between samples loses its CPU since the last one, so the
 * interval should be short beside the work measured.
 *
 * @example
 * const sampler = sampleUsage({ workerd: (p) => p.processGroup === stack.edgeProcessGroup && p.command === "workerd" });
 * await work();
 * const { workerd } = sampler.stop(); // { peakRssBytes: 312_000_000, cpuSeconds: 41.2 }
 */
export function sampleUsage<Name extends string>(selectors: Record<Name, ProcessSelector>, intervalMs = 200): UsageSampler<Name> {
  const names = Object.keys(selectors) as Name[];
  const peaks = Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;
  /** CPU seconds of each selected process when first and last seen. */
  const cpu = new Map<number, { name: Name; first: number; last: number }>();
  let firstSample = true;
  const usage = () => {
    const sums = Object.fromEntries(names.map((name) => [name, { peakRssBytes: peaks[name], cpuSeconds: 0 }])) as Record<Name, SampledUsage>;
    for (const { name, first, last } of cpu.values()) sums[name].cpuSeconds += last - first;
    return sums;
  };
  const sample = () => {
    const rss = Object.fromEntries(names.map((name) => [name, 0])) as Record<Name, number>;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      let stat: ProcStat;
      try {
        stat = procStat(pid);
      } catch {
        continue; // Gone since the listing.
      }
      const name = names.find((candidate) => selectors[candidate]({ ...stat, pid }));
      if (name === undefined) continue;
      rss[name] += stat.rssBytes;
      const seen = cpu.get(pid);
      if (seen) seen.last = stat.cpuSeconds;
      else cpu.set(pid, { name, first: firstSample ? stat.cpuSeconds : 0, last: stat.cpuSeconds });
    }
    for (const name of names) peaks[name] = Math.max(peaks[name], rss[name]);
    firstSample = false;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  let final: Record<Name, SampledUsage> | undefined;
  return {
    sample() {
      if (final) return final;
      sample();
      return usage();
    },
    stop() {
      if (!final) {
        clearInterval(timer);
        sample();
        final = usage();
      }
      return final;
    },
  };
}
