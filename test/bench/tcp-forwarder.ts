import { createConnection, createServer, type Socket } from "node:net";

export interface TcpEndpoint {
  host: string;
  port: number;
}

export interface CountingTcpForwarder {
  /** The port it listens on: the one asked for, or the one the kernel picked for 0. */
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Stops listening and cuts the connections still open. */
  stop(): Promise<void>;
}

/**
 * A TCP forwarder from `listen` (port 0: a free one) to `target` that counts the connections
 * it accepts: the SMTP connections a client really opens, seen from outside it, so no client's
 * own account of its connection reuse is taken on trust. Bytes pass through untouched.
 *
 * @example
 * const forwarder = await startCountingTcpForwarder({ host: "127.0.0.41", port: 25 }, { host: "127.0.0.41", port: farm.port });
 * // … a client talks SMTP to 127.0.0.41:25 …
 * forwarder.connections(); // 1,000
 * await forwarder.stop();
 */
export async function startCountingTcpForwarder(listen: TcpEndpoint, target: TcpEndpoint): Promise<CountingTcpForwarder> {
  let connections = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    connections++;
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once("close", () => open.delete(socket));
      // Either side failing ends the pair, as a direct connection would end.
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${listen.host}:${listen.port} (${error.code ?? error.message}); stop what holds it`)),
    );
    server.listen(listen.port, listen.host, resolve);
  });
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : listen.port,
    connections: () => connections,
    stop: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
