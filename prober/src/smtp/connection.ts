import net from "node:net";
import tls from "node:tls";
import type { SmtpStage } from "./reply-class";
import { MAX_LINES_PER_REPLY, MAX_REPLY_BYTES, ReplyReader, type SmtpReply } from "./reply-reader";
import { SmtpError, type SmtpErrorCode } from "./smtp-error";
import type { Transcript } from "./transcript";

/** What the STARTTLS handshake gave. The certificate is not required to verify, only recorded. */
export interface TlsFacts {
  readonly version: string | null;
  readonly cipher: string | null;
  /** The chain verified and the certificate names the host. */
  readonly authorized: boolean;
  readonly authorizationError: string | null;
}

export interface ConnectOptions {
  readonly ip: string;
  readonly port: number;
  /** The local address to connect from; undefined: the system picks. */
  readonly localAddress?: string | undefined;
  readonly connectTimeoutMs: number;
  /** The caller's deadline: when it fires, the socket is destroyed and every wait fails. */
  readonly signal?: AbortSignal | undefined;
  readonly transcript: Transcript;
}

/**
 * Replies nobody asked for beyond this many mean the server is not speaking SMTP to us. With the
 * reader's caps, what one connection holds stays under this many times MAX_REPLY_BYTES.
 */
const MAX_UNREAD_REPLIES = 100;

interface Breakage {
  readonly code: SmtpErrorCode;
  readonly message: string;
  readonly response: string | null;
}

interface Waiter {
  readonly command: string;
  readonly stage: SmtpStage;
  readonly timer: NodeJS.Timeout;
  readonly resolve: (reply: SmtpReply) => void;
  readonly reject: (error: SmtpError) => void;
}

function deadlineBreakage(): Breakage {
  return { code: "ETIMEDOUT_DEADLINE", message: "the deadline passed", response: null };
}

/**
 * One TCP (later TLS) connection to an SMTP server: writes commands and reads replies in
 * order, each read bounded by its own timeout and all of them by the caller's deadline. The
 * first failure (timeout, disconnect, garbage, deadline) breaks the connection for good: the
 * socket is destroyed and every later read fails with the same cause.
 *
 * @example
 * const connection = await SmtpConnection.open({ ip: "192.0.2.7", port: 25, connectTimeoutMs: 5000, transcript });
 * const greeting = await connection.read("CONNECT", "connect", 10_000, "ETIMEDOUT_GREETING");
 */
export class SmtpConnection {
  #socket: net.Socket;
  #reader: ReplyReader;
  #unread: SmtpReply[] = [];
  #waiter: Waiter | null = null;
  #broken: Breakage | null = null;
  #handshaking = false;
  readonly #signal: AbortSignal | undefined;
  readonly #transcript: Transcript;

  private constructor(socket: net.Socket, signal: AbortSignal | undefined, transcript: Transcript) {
    this.#socket = socket;
    this.#signal = signal;
    this.#transcript = transcript;
    this.#reader = this.#newReader();
    socket.setNoDelay(true);
    this.#attach(socket);
    signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  /** Opens the TCP connection, within the connect timeout and the deadline. */
  static open(options: ConnectOptions): Promise<SmtpConnection> {
    const failure = (code: SmtpErrorCode, message: string) => new SmtpError(code, message, { command: "CONNECT", stage: "connect" });
    if (options.signal?.aborted) return Promise.reject(failure("ETIMEDOUT_DEADLINE", deadlineBreakage().message));
    // Names are resolved by the caller (through DoH, under egress rules), never here.
    if (net.isIP(options.ip) === 0) return Promise.reject(failure("ECONNECTION", "not an IP address"));
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: options.ip, port: options.port, ...(options.localAddress !== undefined && { localAddress: options.localAddress }) });
      const settle = (error?: SmtpError) => {
        clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
        socket.off("error", onError);
        if (!error) return resolve(new SmtpConnection(socket, options.signal, options.transcript));
        socket.destroy();
        reject(error);
      };
      const onAbort = () => settle(failure("ETIMEDOUT_DEADLINE", deadlineBreakage().message));
      const onError = (error: Error) => settle(failure("ECONNECTION", `cannot connect to port ${options.port}: ${error.message}`));
      const timer = setTimeout(() => settle(failure("ETIMEDOUT_CONNECT", `no connection within ${options.connectTimeoutMs} ms`)), options.connectTimeoutMs);
      options.signal?.addEventListener("abort", onAbort, { once: true });
      socket.once("error", onError);
      socket.once("connect", () => {
        options.transcript.add("note", `connected to ${options.ip} port ${options.port}`);
        settle();
      });
    });
  }

  /** The address this end of the connection has: the prober's egress address towards that server. */
  get localAddress(): string | null {
    return this.#socket.localAddress ?? null;
  }

  /** True once the connection failed or was closed. */
  get isBroken(): boolean {
    return this.#broken !== null;
  }

  /** Writes commands in one write (several make an RFC 2920 pipelined group). */
  send(commands: readonly string[]): void {
    if (this.#broken) return;
    for (const command of commands) this.#transcript.add("client", command);
    this.#socket.write(commands.map((command) => `${command}\r\n`).join(""));
  }

  /** The next reply, in order. `command` and `stage` name what it answers, for errors. */
  read(command: string, stage: SmtpStage, timeoutMs: number, timeoutCode: SmtpErrorCode): Promise<SmtpReply> {
    const unread = this.#unread.shift();
    if (unread) return Promise.resolve(unread);
    if (this.#broken) return Promise.reject(this.#errorFor(this.#broken, command, stage));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#break({ code: timeoutCode, message: `no reply to ${command} within ${timeoutMs} ms`, response: this.#reader.unfinished || null });
      }, timeoutMs);
      this.#waiter = { command, stage, timer, resolve, reject };
    });
  }

  /**
   * Upgrades to TLS after the server's 220 to STARTTLS. Anything the server sent in plain text
   * after that 220 is dropped (a STARTTLS command injection must not be read as a TLS reply).
   */
  startTls(servername: string | undefined, timeoutMs: number): Promise<TlsFacts> {
    if (this.#broken) return Promise.reject(this.#errorFor(this.#broken, "STARTTLS", "ehlo"));
    const plain = this.#socket;
    this.#detach(plain);
    this.#reader = this.#newReader();
    this.#unread = [];
    const secure = tls.connect({ socket: plain, servername, rejectUnauthorized: false });
    this.#socket = secure;
    this.#handshaking = true;
    this.#attach(secure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#break({ code: "ETIMEDOUT_TLS", message: `no TLS handshake within ${timeoutMs} ms`, response: null }), timeoutMs);
      this.#waiter = { command: "STARTTLS", stage: "ehlo", timer, resolve: () => {}, reject };
      secure.once("secureConnect", () => {
        this.#handshaking = false;
        this.#takeWaiter();
        const facts: TlsFacts = {
          version: secure.getProtocol(),
          cipher: secure.getCipher()?.name ?? null,
          authorized: secure.authorized,
          authorizationError: secure.authorizationError ? String(secure.authorizationError) : null,
        };
        this.#transcript.add(
          "note",
          `TLS ${facts.version ?? "?"} ${facts.cipher ?? "?"}, certificate ${facts.authorized ? "verified" : `not verified (${facts.authorizationError})`}`,
        );
        resolve(facts);
      });
    });
  }

  /** Closes the connection now; later reads fail with EDISCONNECTED. */
  destroy(): void {
    this.#break({ code: "EDISCONNECTED", message: "the session is closed", response: null });
  }

  #newReader(): ReplyReader {
    return new ReplyReader((line) => this.#transcript.add("server", line));
  }

  readonly #onData = (chunk: Buffer) => {
    for (const reply of this.#reader.push(chunk)) this.#deliver(reply);
    const failure = this.#reader.failure;
    if (failure?.kind === "invalid_line") {
      this.#break({ code: "EPROTOCOL", message: "the server sent a line that is not an SMTP reply", response: failure.line });
    } else if (failure?.kind === "reply_too_large") {
      const message = `the server sent a reply of more than ${MAX_LINES_PER_REPLY} lines or ${MAX_REPLY_BYTES} bytes`;
      this.#break({ code: "EREPLY_TOO_LARGE", message, response: failure.start });
    }
  };

  readonly #onClose = () => {
    this.#break({ code: "EDISCONNECTED", message: "the server closed the connection", response: this.#reader.unfinished || null });
  };

  readonly #onError = (error: Error) => {
    const code = this.#handshaking ? "ETLS" : "EDISCONNECTED";
    this.#break({ code, message: error.message, response: this.#reader.unfinished || null });
  };

  readonly #onAbort = () => {
    this.#break(deadlineBreakage());
  };

  #attach(socket: net.Socket): void {
    socket.on("data", this.#onData);
    socket.on("error", this.#onError);
    socket.on("close", this.#onClose);
  }

  #detach(socket: net.Socket): void {
    socket.off("data", this.#onData);
    socket.off("error", this.#onError);
    socket.off("close", this.#onClose);
  }

  #deliver(reply: SmtpReply): void {
    const waiter = this.#takeWaiter();
    if (waiter) {
      waiter.resolve(reply);
      return;
    }
    this.#unread.push(reply);
    if (this.#unread.length > MAX_UNREAD_REPLIES) {
      this.#break({ code: "EPROTOCOL", message: "the server sends replies nobody asked for", response: reply.text });
    }
  }

  #takeWaiter(): Waiter | null {
    const waiter = this.#waiter;
    this.#waiter = null;
    if (waiter) clearTimeout(waiter.timer);
    return waiter;
  }

  /** The first breakage is the cause; it fails whoever waits, now or later. */
  #break(breakage: Breakage): void {
    if (!this.#broken) {
      this.#broken = breakage;
      this.#signal?.removeEventListener("abort", this.#onAbort);
      this.#socket.destroy();
    }
    const waiter = this.#takeWaiter();
    if (waiter) waiter.reject(this.#errorFor(this.#broken, waiter.command, waiter.stage));
  }

  #errorFor(breakage: Breakage, command: string, stage: SmtpStage): SmtpError {
    return new SmtpError(breakage.code, breakage.message, { command, stage, response: breakage.response });
  }
}
