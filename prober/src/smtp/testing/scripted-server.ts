import net from "node:net";
import tls from "node:tls";

/** One client connection to a scripted server. */
export interface ScriptedSession {
  /** Writes raw bytes, exactly as given (bare LF, half lines, garbage). */
  write(raw: string): void;
  /** Closes the connection once what was written is sent. */
  end(): void;
  /** Upgrades to TLS; write the 220 first. Plain-text input after STARTTLS is dropped. */
  startTls(): void;
  /** Stops reading lines and hands every further chunk to `handler` (to answer a TLS ClientHello with junk). */
  onRawData(handler: (chunk: Buffer) => void): void;
}

/**
 * Answers one command line. Returns the reply without its final CRLF (lines of a multi-line
 * reply joined with "\r\n"), or undefined to say nothing (then `session.write` may answer).
 */
export type Responder = (command: string, session: ScriptedSession) => string | undefined;

export interface ScriptedServerOptions {
  /**
   * Sent on connect, raw; null never greets (a tarpit). Default: "220 mx.test ESMTP\r\n". A
   * function is asked per connection, given how many are open with this one.
   */
  readonly greeting?: string | null | ((openConnections: number) => string | null);
  readonly respond: Responder;
  /** Certificate and key for STARTTLS. */
  readonly tls?: { readonly cert: string; readonly key: string };
}

export interface ScriptedServer {
  readonly port: number;
  /** Every command line received, over all connections, in order. */
  readonly commands: readonly string[];
  readonly connectionCount: number;
  close(): Promise<void>;
}

/**
 * A raw SMTP server on 127.0.0.1 that answers exactly what a test scripts.
 *
 * @example
 * const server = await startScriptedServer({ respond: mta({ rcpt: () => "550 5.1.1 User unknown" }) });
 * // ... connect to 127.0.0.1:server.port ...
 * await server.close();
 */
export async function startScriptedServer(options: ScriptedServerOptions): Promise<ScriptedServer> {
  const commands: string[] = [];
  const sockets = new Set<net.Socket>();
  let connectionCount = 0;
  const secureContext = options.tls ? tls.createSecureContext(options.tls) : undefined;

  const server = net.createServer((plain) => {
    connectionCount++;
    let socket: net.Socket = plain;
    let pending = "";
    sockets.add(plain);
    plain.setNoDelay(true); // one reply per write must not wait for the client's delayed ACK
    plain.on("close", () => sockets.delete(plain));
    plain.on("error", () => {});
    const onData = (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      let end: number;
      while ((end = pending.indexOf("\n")) !== -1) {
        const command = pending.slice(0, end).replace(/\r$/, "");
        pending = pending.slice(end + 1);
        commands.push(command);
        const reply = options.respond(command, session);
        if (reply !== undefined && !socket.destroyed) socket.write(`${reply}\r\n`);
      }
    };
    const session: ScriptedSession = {
      write: (raw) => void (socket.destroyed || socket.write(raw)),
      end: () => void socket.end(),
      startTls: () => {
        if (!secureContext) throw new Error("the scripted server has no certificate");
        socket.off("data", onData);
        pending = "";
        socket = new tls.TLSSocket(plain, { isServer: true, secureContext });
        socket.on("error", () => {});
        socket.on("data", onData);
      },
      onRawData: (handler) => {
        socket.off("data", onData);
        socket.on("data", handler);
      },
    };
    socket.on("data", onData);
    const chosen = typeof options.greeting === "function" ? options.greeting(sockets.size) : options.greeting;
    const greeting = chosen === undefined ? "220 mx.test ESMTP\r\n" : chosen;
    if (greeting !== null) socket.write(greeting);
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    commands,
    get connectionCount() {
      return connectionCount;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
