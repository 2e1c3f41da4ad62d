import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { VerifierAnswer, VerifierName, VerifierRunMessage, VerifierRunReply } from "./smtp-verifier-child";
import { FARM_MAIL_FROM } from "../../infra/local/mta/peer";
import type { SmtpBenchPeers } from "./smtp-peers";
import { startCountingTcpForwarder } from "./tcp-forwarder";

const CHILD = fileURLToPath(new URL("./smtp-verifier-child.ts", import.meta.url));

export type { VerifierName };

/** An npm verifier running in a process of its own, pointed at the bench peers. */
export interface NpmVerifier {
  /** Its process, whose CPU and memory are its own. */
  pid: number;
  /** SMTP connections it has opened, counted by a forwarder in front of the farm. */
  connections(): number;
  /** Verifies addresses, `concurrency` at a time, with its SMTP check on; one answer per address, in order. */
  validate(addresses: string[]): Promise<VerifierAnswer[]>;
  stop(): Promise<void>;
}

/**
 * Starts an npm verifier (deep-email-validator, email-existence, @devmehq/email-validator-js)
 * in a child process (smtp-verifier-child.ts) whose DNS is the local peer, with a counting
 * forwarder on port 25 of the farm's main host (to the peers' farm listener), where they all connect (two of them have no
 * setting for another port). Only one can run at a time: they share that port.
 *
 * @example
 * const deep = await startNpmVerifier("deep-email-validator", peers, 16);
 * try { await deep.validate(["user1@b0.mailvet-mta.net"]); } finally { await deep.stop(); }
 */
export async function startNpmVerifier(verifier: VerifierName, peers: SmtpBenchPeers, concurrency: number): Promise<NpmVerifier> {
  const { main } = peers.farm.hosts;
  const port25 = await startCountingTcpForwarder({ host: main, port: 25 }, peers.target);
  const client = forkNpmVerifier(verifier, peers.dns.dnsServer, concurrency, port25.connections);
  return {
    ...client,
    async stop() {
      await client.stop();
      await port25.stop();
    },
  };
}

/**
 * An npm verifier in a child process whose DNS is `dnsServer`, connecting to port 25 of
 * whatever the MX hosts resolve to, where something in front of the servers counts the
 * connections (`connections`).
 *
 * @example
 * const deep = forkNpmVerifier("deep-email-validator", peers.dns.dnsServer, 16, relay.connections);
 */
export function forkNpmVerifier(verifier: VerifierName, dnsServer: string, concurrency: number, connections: () => number): NpmVerifier {
  const child = fork(CHILD, [verifier, dnsServer, FARM_MAIL_FROM, String(concurrency)], {
    execArgv: ["--import", "tsx"],
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  return {
    pid: child.pid!,
    connections,
    validate: (addresses) => validateInChild(child, addresses),
    stop: () => stopChild(child),
  };
}

function validateInChild(child: ChildProcess, addresses: string[]): Promise<VerifierAnswer[]> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null) => reject(new Error(`the verifier's process exited (${code}) before answering`));
    child.once("exit", exited);
    child.once("message", (reply: VerifierRunReply) => {
      child.off("exit", exited);
      resolve(reply.answers);
    });
    child.send({ addresses } satisfies VerifierRunMessage);
  });
}

/** The verifier's process has nothing to finish or write, so it is killed outright. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGKILL");
  await exited;
}
