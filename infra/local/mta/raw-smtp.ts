import { connect } from "node:net";
import { ReplyReader, type SmtpReply } from "../../../prober/src/smtp/reply-reader";

/**
 * A bare SMTP dialogue over node:net, to see exactly what a server says: it sends the lines it
 * is given and nothing else (so never DATA unless told), keeps no state and has no timeouts of
 * its own. Replies are parsed by the prober's ReplyReader, which has its own tests.
 */
export interface RawSmtpDialogue {
  /** Resolves once the TCP connection is up, whether or not the server ever speaks. */
  readonly connected: Promise<void>;
  /** The server's first reply: its 220 banner, or a refusal in its place. */
  readonly greeting: Promise<SmtpReply>;
  /** Resolves when the connection has ended, from either side. */
  readonly closed: Promise<void>;
  /** Sends one command line (CRLF is added) and resolves with the reply to it. */
  send(command: string): Promise<SmtpReply>;
  /** Closes the connection at once, without QUIT. */
  close(): void;
}

/**
 * Opens a raw SMTP dialogue with `host:port`. Replies nobody waits for yet are kept in order;
 * a reply awaited after the server has hung up rejects with what it had sent of it.
 *
 * @example
 * const smtp = openRawSmtp("127.0.0.41", farm.port);
 * await smtp.greeting; // { code: 220, lines: ["mx1.mailvet-mta.net ESMTP Postfix (Debian/GNU)"], … }
 * await smtp.send("EHLO probe.mailvet.test");
 * await smtp.send("QUIT");
 * openRawSmtp("127.0.0.53", farm.port, "127.0.0.61"); // from a client address of the test's choosing
 */
export function openRawSmtp(host: string, port: number, localAddress?: string): RawSmtpDialogue {
  const socket = connect({ host, port, ...(localAddress !== undefined && { localAddress }) });
  const reader = new ReplyReader();
  const received: SmtpReply[] = [];
  const waiting: { resolve(reply: SmtpReply): void; reject(error: Error): void }[] = [];
  let ended: Error | undefined;

  socket.on("data", (chunk: Buffer) => {
    for (const reply of reader.push(chunk)) {
      const waiter = waiting.shift();
      if (waiter) waiter.resolve(reply);
      else received.push(reply);
    }
  });
  // Kept for good: a write after the server hung up errors too, and must not go unhandled.
  socket.on("error", (error) => (ended ??= error));
  const closed = new Promise<void>((resolve) => {
    socket.once("close", () => {
      ended ??= new Error(`${host}:${port} closed the connection${reader.unfinished ? ` after "${reader.unfinished}"` : ""}`);
      for (const waiter of waiting.splice(0)) waiter.reject(ended);
      resolve();
    });
  });
  const nextReply = () =>
    new Promise<SmtpReply>((resolve, reject) => {
      const reply = received.shift();
      if (reply) resolve(reply);
      else if (ended) reject(ended);
      else waiting.push({ resolve, reject });
    });

  const connected = new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("error", reject);
  });
  const greeting = nextReply();
  // A caller may never look at these (a tarpit's greeting never comes; a refused connection
  // never connects); their failure must not surface as an unhandled rejection.
  connected.catch(() => {});
  greeting.catch(() => {});
  return {
    connected,
    greeting,
    closed,
    send(command) {
      socket.write(`${command}\r\n`);
      return nextReply();
    },
    close: () => socket.destroy(),
  };
}
