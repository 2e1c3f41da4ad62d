import { mta } from "./mta";
import type { Responder, ScriptedSession } from "./scripted-server";

/** The self-protection of a real MTA, as Postfix, Exchange and Exim apply it per session. */
export interface Defences {
  /** Local parts that exist; any other is refused with 550 5.1.1. */
  readonly known: readonly string[];
  /** Once a session has made this many errors, every reply waits `errorSleepMs` (Postfix's smtpd_soft_error_limit). */
  readonly softErrorLimit?: number;
  readonly errorSleepMs?: number;
  /** At this many errors the next command gets "421 4.7.0 … too many errors" and the connection closes (smtpd_hard_error_limit). */
  readonly hardErrorLimit?: number;
  /** Every 5xx waits this long (Exchange's tarpit). */
  readonly tarpitMs?: number;
  /** RCPTs one transaction may have; the rest get "452 4.5.3 Error: too many recipients" (smtpd_recipient_limit). */
  readonly recipientLimit?: number;
}

/** What the server did, for tests to count: never a time. */
export interface DefenceLog {
  /** Replies that waited (error sleep or tarpit). */
  slowReplies: number;
  /** Sessions dropped with 421 for too many errors. */
  drops: number;
  /** The most errors any session made. */
  mostErrors: number;
  /** RCPTs refused as one recipient too many. */
  overLimit: number;
}

interface SessionState {
  errors: number;
  recipients: number;
  /** Replies go out in order, each after the ones before it, as a real server's do. */
  chain: Promise<void>;
  closed: boolean;
}

/**
 * A scripted MTA with a real one's defences, for the prober's unit tests (the end-to-end suites
 * meet the real Postfix's). Replies keep their order however long each waits, so pipelined
 * groups see what they would see from Postfix.
 *
 * @example
 * const { respond, log } = defendedMta({ known: ["alice"], hardErrorLimit: 5 });
 * const server = await startScriptedServer({ respond });
 */
export function defendedMta(defences: Defences): { respond: Responder; log: DefenceLog } {
  const log: DefenceLog = { slowReplies: 0, drops: 0, mostErrors: 0, overLimit: 0 };
  const base = mta({
    rcpt: (address) => (defences.known.includes(address.split("@")[0]!) ? "250 2.1.5 Ok" : `550 5.1.1 <${address}>: Recipient address rejected: User unknown`),
  });
  const sessions = new Map<ScriptedSession, SessionState>();
  const respond: Responder = (command, session) => {
    const state = sessions.get(session) ?? { errors: 0, recipients: 0, chain: Promise.resolve(), closed: false };
    sessions.set(session, state);
    if (state.closed) return undefined;
    const verb = command.slice(0, 4).toUpperCase();
    if (defences.hardErrorLimit !== undefined && state.errors >= defences.hardErrorLimit) {
      state.closed = true;
      log.drops++;
      send(state, session, "421 4.7.0 mx.test Error: too many errors", 0, true);
      return undefined;
    }
    if (verb === "MAIL" || verb === "RSET") state.recipients = 0;
    let reply = base(command, session);
    if (reply === undefined) return undefined;
    if (verb === "RCPT" && defences.recipientLimit !== undefined && ++state.recipients > defences.recipientLimit) {
      reply = "452 4.5.3 Error: too many recipients";
      log.overLimit++;
    }
    const sleepMs = defences.softErrorLimit !== undefined && state.errors >= defences.softErrorLimit ? (defences.errorSleepMs ?? 1000) : 0;
    const tarpitMs = reply.startsWith("5") ? (defences.tarpitMs ?? 0) : 0;
    if (/^[45]/.test(reply) && !reply.startsWith("452 4.5.3")) state.errors++;
    log.mostErrors = Math.max(log.mostErrors, state.errors);
    send(state, session, reply, sleepMs + tarpitMs, false);
    return undefined;
  };
  function send(state: SessionState, session: ScriptedSession, reply: string, waitMs: number, close: boolean): void {
    if (waitMs > 0) log.slowReplies++;
    state.chain = state.chain.then(async () => {
      if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
      session.write(`${reply}\r\n`);
      if (close) session.end();
    });
  }
  return { respond, log };
}
