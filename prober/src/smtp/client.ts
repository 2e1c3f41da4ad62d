import { isIP } from "node:net";
import { NO_CAPABILITIES, parseCapabilities, type EhloCapabilities } from "./capabilities";
import { SmtpConnection, type TlsFacts } from "./connection";
import type { SmtpStage } from "./reply-class";
import type { SmtpReply } from "./reply-reader";
import { resultFromFailure, resultFromReply, unsupportedResult, type RecipientResult } from "./recipient-result";
import { SmtpError } from "./smtp-error";
import { Transcript } from "./transcript";

/**
 * The states of a probing session, in the order they are normally passed:
 * connecting → greeting → ehlo (→ helo) (→ starttls → ehlo-tls) → ready, then for each probe
 * mail → rcpt → rset → ready, and at the end quit → closed. Any failure goes to closed.
 */
export type SmtpState = "connecting" | "greeting" | "ehlo" | "helo" | "starttls" | "ehlo-tls" | "ready" | "mail" | "rcpt" | "rset" | "quit" | "closed";

export interface SmtpTimeouts {
  readonly connectTimeoutMs: number;
  /** From the connection to the end of the banner: a tarpit never sends it. */
  readonly greetingTimeoutMs: number;
  /** For the reply to each command (for a pipelined group, to each reply in turn). */
  readonly commandTimeoutMs: number;
  readonly tlsTimeoutMs: number;
}

/** Generous for real MTAs; the caller's deadline is what bounds a request. */
export const DEFAULT_TIMEOUTS: SmtpTimeouts = { connectTimeoutMs: 10_000, greetingTimeoutMs: 20_000, commandTimeoutMs: 20_000, tlsTimeoutMs: 10_000 };

export interface SmtpSessionOptions {
  /** The MX host name: for TLS SNI and the certificate check. */
  readonly host: string;
  /** The address to connect to (egress rules are the caller's). */
  readonly ip: string;
  readonly port: number;
  /** The local address to connect from; undefined: the system picks. */
  readonly localAddress?: string | undefined;
  readonly heloName: string;
  /** The deadline of the whole session: when it fires, everything in flight fails with ETIMEDOUT_DEADLINE. */
  readonly signal?: AbortSignal;
  readonly timeouts?: Partial<SmtpTimeouts>;
  /** `opportunistic` (default): STARTTLS when offered, and plain text on a fresh connection if the handshake fails. */
  readonly tls?: "opportunistic" | "off";
  /** Where the dialogue is recorded; pass one to read it even when opening fails. */
  readonly transcript?: Transcript;
}

export interface ProbeOptions {
  /**
   * When a refusal takes this long and replies to more RCPTs are still due, stop waiting: the
   * session is closed and those addresses get `EABANDONED`, to be asked in other sessions
   * rather than each wait behind a tarpit's delay. Default: never.
   */
  readonly abandonAfterSlowRefusalMs?: number;
}

const needsSmtpUtf8 = (address: string) => /[^\x00-\x7f]/.test(address);
const isSuccess = (reply: SmtpReply) => reply.code >= 200 && reply.code < 300;

function refusal(reply: SmtpReply, command: string, stage: SmtpStage): SmtpError {
  return new SmtpError("EREFUSED", `the server refused ${command} with ${reply.code}`, {
    command,
    stage,
    response: reply.text,
    responseCode: reply.code,
    enhancedCode: reply.enhanced,
  });
}

/**
 * Opens an SMTP session for probing: connects, reads the greeting, says EHLO (HELO if EHLO is
 * refused) and upgrades with STARTTLS when offered. Rejects with an SmtpError when the server
 * cannot be reached or refuses the session; `resultFromFailure` turns it into a result.
 *
 * @example
 * const session = await openSmtpSession({ host: "mx.example.org", ip: "192.0.2.7", port: 25, heloName: "probe.example.net", signal: AbortSignal.timeout(8000) });
 * const [result] = await session.probe("verify@probe.example.net", ["alice@example.org"]);
 * await session.close();
 */
export async function openSmtpSession(options: SmtpSessionOptions): Promise<SmtpSession> {
  const transcript = options.transcript ?? new Transcript();
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const useTls = options.tls !== "off";
  const session = new SmtpSession(options, timeouts, transcript);
  try {
    await session.establish(useTls);
  } catch (error) {
    if (!(useTls && error instanceof SmtpError && error.code === "ETLS")) throw error;
    transcript.add("note", "TLS handshake failed; connecting again without TLS");
    const plain = new SmtpSession(options, timeouts, transcript);
    await plain.establish(false);
    return plain;
  }
  return session;
}

/**
 * An open SMTP session. Probes run one after another on the same connection (MAIL FROM,
 * RCPT TO for each address, RSET), pipelined when the server offers PIPELINING. DATA is never
 * sent. Get one from `openSmtpSession`.
 *
 * @example
 * const results = await session.probe("verify@probe.example.net", ["alice@example.org", "bob@example.org"]);
 * results.filter((result) => result.class === "too_many_recipients"); // to ask again in a smaller transaction
 */
export class SmtpSession {
  #state: SmtpState = "connecting";
  #connection: SmtpConnection | null = null;
  #capabilities: EhloCapabilities = NO_CAPABILITIES;
  #tls: TlsFacts | null = null;
  #failure: SmtpError | null = null;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #options: SmtpSessionOptions;
  readonly #timeouts: SmtpTimeouts;
  readonly #transcript: Transcript;

  /** @internal Use `openSmtpSession`. */
  constructor(options: SmtpSessionOptions, timeouts: SmtpTimeouts, transcript: Transcript) {
    this.#options = options;
    this.#timeouts = timeouts;
    this.#transcript = transcript;
  }

  get state(): SmtpState {
    return this.#state;
  }

  get host(): string {
    return this.#options.host;
  }

  get capabilities(): EhloCapabilities {
    return this.#capabilities;
  }

  /** The TLS facts once STARTTLS succeeded, else null. */
  get tls(): TlsFacts | null {
    return this.#tls;
  }

  /** The dialogue so far. It contains the probed addresses: return it to the caller, never log it. */
  get transcript(): Transcript["lines"] {
    return this.#transcript.lines;
  }

  /** @internal Connects and greets; called once by `openSmtpSession`. */
  async establish(useTls: boolean): Promise<void> {
    const { ip, port, localAddress, signal } = this.#options;
    const connection = await SmtpConnection.open({
      ip,
      port,
      localAddress,
      signal,
      connectTimeoutMs: this.#timeouts.connectTimeoutMs,
      transcript: this.#transcript,
    });
    this.#connection = connection;
    try {
      this.#state = "greeting";
      const greeting = await connection.read("CONNECT", "connect", this.#timeouts.greetingTimeoutMs, "ETIMEDOUT_GREETING");
      if (greeting.code !== 220) throw refusal(greeting, "CONNECT", "connect");
      await this.#hello("ehlo");
      if (useTls && this.#capabilities.starttls) await this.#startTls();
      this.#state = "ready";
    } catch (error) {
      this.#shut();
      throw error;
    }
  }

  /**
   * Asks the server about each address in one transaction and returns a result per address,
   * in order. Never rejects for anything the server does: a failure mid-probe becomes the
   * result of every address not yet judged. Addresses needing SMTPUTF8 at a server without it
   * are not sent (`unsupported`). An address refused as one recipient too many is left to the
   * caller, who knows how large the next transaction or session may be. Rejects with a
   * TypeError for an address with control characters, which could smuggle commands.
   */
  probe(mailFrom: string, addresses: readonly string[], options: ProbeOptions = {}): Promise<RecipientResult[]> {
    if ([mailFrom, ...addresses].some((address) => /[\x00-\x1f\x7f]/.test(address))) {
      return Promise.reject(new TypeError("an address contains control characters"));
    }
    return this.#serialise(() => this.#probe(mailFrom, addresses, options));
  }

  /** Says QUIT and closes. Never rejects; closing twice is harmless. */
  close(): Promise<void> {
    return this.#serialise(async () => {
      if (this.#state === "closed") return;
      this.#state = "quit";
      await this.#command("QUIT", "QUIT", "mail").catch(() => {});
      this.#shut();
    });
  }

  #serialise<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => {});
    return run;
  }

  async #hello(state: "ehlo" | "ehlo-tls"): Promise<void> {
    this.#state = state;
    const ehlo = await this.#command(`EHLO ${this.#options.heloName}`, "EHLO", "ehlo");
    if (isSuccess(ehlo)) {
      this.#capabilities = parseCapabilities(ehlo);
      return;
    }
    // Servers that do not know EHLO answer 500/502 (or 504, 550); HELO is the RFC 5321 fallback.
    if (ehlo.code < 500) throw refusal(ehlo, "EHLO", "ehlo");
    this.#state = "helo";
    const helo = await this.#command(`HELO ${this.#options.heloName}`, "HELO", "ehlo");
    if (!isSuccess(helo)) throw refusal(helo, "HELO", "ehlo");
    this.#capabilities = NO_CAPABILITIES;
  }

  async #startTls(): Promise<void> {
    this.#state = "starttls";
    const ready = await this.#command("STARTTLS", "STARTTLS", "ehlo");
    // A 454 (TLS not available now) leaves the session in plain text, as RFC 3207 allows.
    if (ready.code !== 220) return;
    const servername = isIP(this.#options.host) ? undefined : this.#options.host.replace(/\.$/, "");
    this.#tls = await this.#connection!.startTls(servername, this.#timeouts.tlsTimeoutMs);
    // RFC 3207: forget what was learned before TLS and ask again.
    await this.#hello("ehlo-tls");
  }

  #command(line: string, verb: string, stage: SmtpStage): Promise<SmtpReply> {
    this.#connection!.send([line]);
    return this.#read(verb, stage);
  }

  #read(verb: string, stage: SmtpStage): Promise<SmtpReply> {
    return this.#connection!.read(verb, stage, this.#timeouts.commandTimeoutMs, "ETIMEDOUT_COMMAND");
  }

  #shut(): void {
    this.#state = "closed";
    this.#connection?.destroy();
  }

  async #probe(mailFrom: string, addresses: readonly string[], options: ProbeOptions): Promise<RecipientResult[]> {
    const mustSkip = (address: string) => (needsSmtpUtf8(mailFrom) || needsSmtpUtf8(address)) && !this.#capabilities.smtputf8;
    const sendable = addresses.filter((address) => !mustSkip(address));
    const judged = sendable.length > 0 ? await this.#transaction(mailFrom, sendable, options) : [];
    return addresses.map((address) => (mustSkip(address) ? unsupportedResult(address) : judged.shift()!));
  }

  /** One MAIL FROM, the RCPTs, and RSET; pipelined as one group when the server allows. */
  async #transaction(
    mailFrom: string,
    addresses: readonly string[],
    { abandonAfterSlowRefusalMs = Number.POSITIVE_INFINITY }: ProbeOptions,
  ): Promise<RecipientResult[]> {
    const results: RecipientResult[] = [];
    const judgeRest = (judge: (address: string) => RecipientResult) => [...results, ...addresses.slice(results.length).map(judge)];
    if (this.#state === "closed") return judgeRest((address) => resultFromFailure(address, this.#closedError()));
    const pipelined = this.#capabilities.pipelining;
    const utf8 = [mailFrom, ...addresses].some(needsSmtpUtf8) ? " SMTPUTF8" : "";
    const mail = `MAIL FROM:<${mailFrom}>${utf8}`;
    const rcpts = addresses.map((address) => `RCPT TO:<${address}>`);
    // When each reply came: a server that tarpits answers its refusals seconds late.
    let lastEvent = performance.now();
    const waited = () => {
      const now = performance.now();
      const ms = Math.round(now - lastEvent);
      lastEvent = now;
      return ms;
    };
    try {
      this.#state = "mail";
      this.#connection!.send(pipelined ? [mail, ...rcpts, "RSET"] : [mail]);
      const mailReply = await this.#read("MAIL FROM", "mail");
      if (mailReply.code === 421) return this.#closing(judgeRest((address) => resultFromReply(address, mailReply, "mail")));
      if (isSuccess(mailReply)) {
        this.#state = "rcpt";
        // Without pipelining each RCPT is timed from its own command; in a pipelined group the
        // first RCPT's time includes the MAIL FROM reply's, since a server that buffers its
        // replies (Postfix) sends the whole group's at once, after every delay in it.
        if (!pipelined) waited();
        for (const rcpt of rcpts) {
          const reply = pipelined ? await this.#read("RCPT TO", "rcpt") : await this.#command(rcpt, "RCPT TO", "rcpt");
          const waitedMs = waited();
          const result = { ...resultFromReply(addresses[results.length]!, reply, "rcpt"), waitedMs };
          results.push(result);
          this.#noteRule(`RCPT TO:<${result.address}>`, result);
          if (reply.code === 421) return this.#closing(judgeRest((address) => resultFromReply(address, reply, "rcpt")));
          if (reply.code >= 400 && waitedMs >= abandonAfterSlowRefusalMs && results.length < addresses.length) {
            this.#transcript.add("note", `a refusal took ${waitedMs} ms: the rest of the group goes to other sessions`);
            const abandoned = new SmtpError("EABANDONED", "stopped waiting for a server that answers refusals late", { command: "RCPT TO", stage: "rcpt" });
            return this.#closing(judgeRest((address) => resultFromFailure(address, abandoned)));
          }
        }
      } else {
        results.push(...addresses.map((address) => resultFromReply(address, mailReply, "mail")));
        this.#noteRule("MAIL FROM", results[0]!);
        // The RCPTs of a pipelined group still get their (503) replies, which must be read.
        if (pipelined) for (const _ of rcpts) await this.#read("RCPT TO", "rcpt");
      }
      this.#state = "rset";
      const reset = pipelined ? await this.#read("RSET", "mail") : await this.#command("RSET", "RSET", "mail");
      if (isSuccess(reset)) this.#state = "ready";
      else this.#shut();
      return results;
    } catch (error) {
      if (!(error instanceof SmtpError)) throw error;
      this.#failure = error;
      this.#shut();
      return judgeRest((address) => resultFromFailure(address, error));
    }
  }

  /**
   * Names the classification row that read the reply to a command, so a transcript shows why an
   * address got its reason. It names the command: pipelined replies are all read before any is judged.
   */
  #noteRule(command: string, { code, rule, class: replyClass }: RecipientResult): void {
    if (rule !== null) this.#transcript.add("note", `${command}: ${code} read by row ${rule} as ${replyClass}`);
  }

  /** The server said 421: it is closing the connection, so this session is over. */
  #closing(results: RecipientResult[]): RecipientResult[] {
    this.#shut();
    return results;
  }

  #closedError(): SmtpError {
    return this.#failure ?? new SmtpError("EDISCONNECTED", "the session is closed", { command: "MAIL FROM", stage: "mail" });
  }
}
