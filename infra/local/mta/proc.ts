import { readFileSync } from "node:fs";
import { readdir, readlink } from "node:fs/promises";

/**
 * Process ids of the live processes whose working directory is `dir` or inside it. Postfix's
 * master and every daemon it starts work in their queue directory, so this finds all of one
 * instance's processes, whoever their parent is now. Zombies have no working directory and do
 * not count. Other users' processes are visible to root only.
 *
 * @example
 * await processesWorkingIn(queueDirectory); // [] once that Postfix has stopped
 */
export async function processesWorkingIn(dir: string): Promise<number[]> {
  const pids = (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry));
  const found = await Promise.all(
    pids.map(async (pid) => {
      const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => "");
      // A directory removed while a process still works in it reads "… (deleted)".
      const path = cwd.replace(/ \(deleted\)$/, "");
      return path === dir || path.startsWith(`${dir}/`) ? [Number(pid)] : [];
    }),
  );
  return found.flat();
}

/**
 * The process ids of a process's children; none for a process that is gone (or undefined).
 *
 * @example
 * childrenOf(process.pid); // e.g. [4312] while one child runs
 */
export function childrenOf(pid: number | undefined): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  } catch {
    return [];
  }
}
