import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
const PAGE_BYTES = Number(execFileSync("getconf", ["PAGESIZE"]).toString().trim());

/** What /proc/PID/stat says of a process: who it is, its CPU so far, its resident set now. */
export interface ProcStat {
  /** The executable's name, cut to 15 characters by the kernel ("workerd", "node"). */
  command: string;
  parent: number;
  processGroup: number;
  /** User + system time so far, in seconds. */
  cpuSeconds: number;
  rssBytes: number;
}

/**
 * The peak resident set (VmHWM) of a live process so far, from /proc, in bytes.
 *
 * @example
 * peakRssBytes(prober.child.pid!); // 118_321_152
 */
export function peakRssBytes(pid: number): number {
  const kilobytes = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  if (kilobytes === undefined) throw new Error(`no VmHWM for process ${pid}`);
  return Number(kilobytes) * 1024;
}

/**
 * CPU time (user + system) a live process has used so far, from /proc, in seconds.
 *
 * @example
 * const before = cpuSeconds(pid); await work(); const spent = cpuSeconds(pid) - before;
 */
export function cpuSeconds(pid: number): number {
  return procStat(pid).cpuSeconds;
}

/**
 * One read of /proc/PID/stat, for sampling many processes cheaply. Throws (ENOENT) for a
 * process that is gone.
 *
 * @example
 * const { command, processGroup, cpuSeconds, rssBytes } = procStat(pid);
 */
export function procStat(pid: number): ProcStat {
  // The command name is field 2, in parentheses (it may hold spaces and parentheses itself); the
  // fields after it start at 3: ppid is 4, pgrp 5, utime 14, stime 15, rss 24.
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  const end = text.lastIndexOf(") ");
  const fields = text.slice(end + 2).split(" ");
  return {
    command: text.slice(text.indexOf("(") + 1, end),
    parent: Number(fields[1]),
    processGroup: Number(fields[2]),
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND,
    rssBytes: Number(fields[21]) * PAGE_BYTES,
  };
}
