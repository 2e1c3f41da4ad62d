import { execFile } from "node:child_process";
import { mkdir, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { fillConfigTemplate } from "../config-template";
import { findExecutable, startDaemon } from "../dns/daemon";
import { RBL_LISTED_CLIENT, writeListedClients } from "./listed-clients";
import { logTail } from "./log-tail";
import { childrenOf } from "./proc";
import { openRawSmtp } from "./raw-smtp";
import { untilReady } from "./ready";

const run = promisify(execFile);
/** This directory: the config templates and the mailbox tables, which Postfix reads in place. */
const TEMPLATE_DIR = fileURLToPath(new URL(".", import.meta.url)).replace(/\/$/, "");
const GREETING_WITHIN_MS = 2000;
const CONFIG_WRITTEN_AT = new Date("2000-01-01T00:00:00Z");
const MASTER_EXIT_WITHIN_MS = 5000;

/** The farm's hosts that are listeners of this Postfix (master.cf), by role. */
const POSTFIX_ROLES = [
  "main",
  "ipv6",
  "ascii",
  "greylist",
  "blocked",
  "tarpit5xx",
  "errorLimit",
  "recipientCap",
  "connectionLimit",
  "greylistDefault",
  "relaxed",
  "rbl",
] as const;

/** Where the Postfix listeners go: each role's loopback address, all on one port. */
export interface PostfixListeners {
  port: number;
  /** The policy port on 127.0.0.1 of mx-greylist's postgrey (a short delay). */
  policyPort: number;
  /** The policy port on 127.0.0.1 of mx-greylist-default's postgrey (postgrey's default delay). */
  defaultPolicyPort: number;
  hosts: Record<(typeof POSTFIX_ROLES)[number], string>;
}

export interface PostfixServer {
  /** The process that holds the instance: ending it ends every Postfix process of it. */
  readonly pid: number | undefined;
  /** The end of its mail log. */
  log(): string;
  /** Stops the master, which stops its daemons; resolves once they are all gone. */
  stop(): Promise<void>;
}

/**
 * Starts a Postfix of its own from main.cf and master.cf of this directory, with its config,
 * queue, data and log under `runDir`, and resolves once every listener greets.
 *
 * The master runs in a PID namespace of its own, under a shell that is the namespace's init,
 * rather than through `postfix start-fg`. The master drops the parent-death signal daemon.ts
 * gives it (the kernel clears it whenever the master briefly becomes the postfix user), so it
 * would outlive a killed test runner; the shell keeps it, and when the shell dies the kernel
 * kills everything in the namespace. (So the pid in the master's pid file means nothing out
 * here: never run `postfix stop` on this instance.)
 *
 * @example
 * const postfix = await startPostfix(runDir, { port: 2525, policyPort: 10023, defaultPolicyPort: 10024, hosts: MTA_FARM_HOSTS });
 * await postfix.stop();
 */
export async function startPostfix(runDir: string, listeners: PostfixListeners): Promise<PostfixServer> {
  const { hosts } = listeners;
  const values: Record<string, string | number> = {
    RUN_DIR: runDir,
    TABLE_DIR: TEMPLATE_DIR,
    PORT: listeners.port,
    POSTGREY_PORT: listeners.policyPort,
    POSTGREY_DEFAULT_PORT: listeners.defaultPolicyPort,
    // main → MAIN_HOST, recipientCap → RECIPIENT_CAP_HOST, … as master.cf names them.
    ...Object.fromEntries(POSTFIX_ROLES.map((role) => [`${role.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}_HOST`, hosts[role]])),
  };
  return startPostfixInstance(
    runDir,
    TEMPLATE_DIR,
    values,
    POSTFIX_ROLES.map((role) => ({ host: hosts[role], port: listeners.port })),
  );
}

/**
 * Starts a Postfix instance from the main.cf and master.cf templates of `templateDir` filled
 * with `values`, as startPostfix does the farm's (and the same way: its own namespace, its own
 * directories under `runDir`), and resolves once each of `greeters` greets.
 *
 * @example
 * const sender = await startPostfixInstance(runDir, SENDER_TEMPLATE_DIR, values, [{ host: "127.0.0.60", port: 2525 }]);
 */
export async function startPostfixInstance(
  runDir: string,
  templateDir: string,
  values: Record<string, string | number>,
  greeters: readonly { host: string; port: number }[],
): Promise<PostfixServer> {
  const [postfix, postconf] = [findExecutable("postfix"), findExecutable("postconf")];
  if (postfix === undefined || postconf === undefined) throw new Error("postfix is not installed: run infra/local/install-peers.sh as root");
  const configDir = join(runDir, "conf");
  await Promise.all([mkdir(configDir), mkdir(join(runDir, "queue"))]);
  await Promise.all(
    ["main.cf", "master.cf"].map(async (name) => {
      const path = join(configDir, name);
      await writeFile(path, await fillConfigTemplate(join(templateDir, name), { RUN_DIR: runDir, ...values }));
      // Postfix waits, 300 ms at a time, until a config file is a few seconds old, in case it
      // is still being written. These are complete, so they are dated back.
      await utimes(path, CONFIG_WRITTEN_AT, CONFIG_WRITTEN_AT);
    }),
  );
  await writeListedClients(runDir, [RBL_LISTED_CLIENT]);
  // Creates the queue directories, owned as Postfix wants them.
  await run(postfix, ["-c", configDir, "check"]);
  const { stdout: daemonDir } = await run(postconf, ["-c", configDir, "-h", "daemon_directory"]);
  const namespace = startDaemon(
    "unshare",
    ["--pid", "--fork", "--kill-child", "--", "sh", "-c", '"$@" & wait $!', "sh", join(daemonDir.trim(), "master"), "-s", "-c", configDir],
    { stopGraceMs: 0 },
  );
  const log = () => logTail(join(runDir, "maillog"));

  const stop = async () => {
    // The master passes SIGTERM on to its daemons and exits, then its shell and unshare follow.
    // unshare ignores SIGTERM, so the namespace's own stop is the fallback: SIGKILL for all.
    const [master] = childrenOf(childrenOf(namespace.pid)[0]);
    try {
      if (master !== undefined) process.kill(master, "SIGTERM");
    } catch {
      // It has just exited.
    }
    await Promise.race([namespace.exited, new Promise((resolve) => setTimeout(resolve, MASTER_EXIT_WITHIN_MS))]);
    await namespace.stop();
  };
  try {
    for (const { host, port } of greeters) {
      await untilReady(`Postfix on ${host}:${port}`, () => greets(host, port), { exited: namespace.exited, output: log });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { pid: namespace.pid, log, stop };
}

/** A listener is up when smtpd answers, with a banner or a refusal. */
async function greets(host: string, port: number): Promise<boolean> {
  const smtp = openRawSmtp(host, port);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), GREETING_WITHIN_MS));
  const greeted = await Promise.race([
    smtp.greeting.then(
      () => true,
      () => false,
    ),
    timeout,
  ]);
  smtp.close();
  return greeted;
}
