import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const CLOCK_TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

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
  // Fields after the command name (which may contain spaces) start at field 3: utime is 14, stime 15.
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
}
