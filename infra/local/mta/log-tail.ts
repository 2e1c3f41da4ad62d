import { closeSync, openSync, readSync, statSync } from "node:fs";

/**
 * The last `bytes` of a log file that a daemon is still writing, or "" while there is none.
 *
 * @example
 * logTail(join(runDir, "maillog")); // "… postfix/master[2]: daemon started …"
 */
export function logTail(path: string, bytes = 16_384): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const size = statSync(path).size;
    const buffer = Buffer.alloc(Math.min(size, bytes));
    const read = readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.subarray(0, read).toString("utf8");
  } catch {
    return "";
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
