import { createConnection, createServer, type Server, type Socket } from "node:net";
import type { TcpEndpoint } from "./tcp-forwarder";

export interface WanRelayOptions {
  /** The loopback addresses it listens on, one per simulated mail server (127.0.2.1, …). */
  hosts: readonly string[];
  /** The ports it listens on at every host: 25 for clients with no port setting, and one for the prober. */
  ports: readonly number[];
  /** Where every connection goes: the farm's listener. */
  target: TcpEndpoint;
  /** Delay of every byte in each direction; a server's banner comes two round trips after the connect, as over a real handshake. */
  oneWayMs: number;
}

export interface WanRelay {
  /** Connections accepted so far, at all hosts. */
  connections(): number;
  /** Connections accepted so far at each host. */
  connectionsByHost(): Record<string, number>;
  /** Stops listening and cuts the connections still open. */
  stop(): Promise<void>;
}

/**
 * A TCP relay that puts the internet's round-trip time in front of the farm (these machines
 * have no netem): it listens on `ports` of each of `hosts` and forwards to `target`, holding
 * every chunk `oneWayMs` in each direction. The relay connects to the farm from the address the
 * client reached, so Postfix sees one client per simulated server and its per-client limits
 * (connection count and rate, anvil) count as they would on the internet; a session's error
 * limits count per connection in any case. It counts connections per host.
 *
 * @example
 * const relay = await startWanRelay({ hosts: ["127.0.2.1"], ports: [25, 2525], target: { host: farm.hosts.main, port: farm.port }, oneWayMs: 40 });
 * // … clients talk SMTP to 127.0.2.1:25, 80 ms away …
 * relay.connections(); // 2,000
 * await relay.stop();
 */
export async function startWanRelay({ hosts, ports, target, oneWayMs }: WanRelayOptions): Promise<WanRelay> {
  const counts: Record<string, number> = Object.fromEntries(hosts.map((host) => [host, 0]));
  const open = new Set<Socket>();
  const servers: Server[] = [];
  const relay = (host: string) => (client: Socket) => {
    counts[host]!++;
    const upstream = createConnection({ ...target, localAddress: host });
    // SYN, SYN-ACK and ACK cross before the server accepts and greets: three crossings, and the
    // banner's own delay below makes four, where the relay's own connect takes none.
    upstream.pause();
    upstream.once("connect", () => setTimeout(() => upstream.resume(), 3 * oneWayMs));
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once("close", () => open.delete(socket));
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
    }
    delayedPipe(client, upstream, oneWayMs);
    delayedPipe(upstream, client, oneWayMs);
  };
  const stop = async () => {
    for (const socket of open) socket.destroy();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  };
  try {
    for (const host of hosts) for (const port of ports) servers.push(await listen(host, port, relay(host)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { connections: () => Object.values(counts).reduce((sum, n) => sum + n, 0), connectionsByHost: () => ({ ...counts }), stop };
}

/** Writes what `from` reads to `to` `delayMs` later, the end too; chunks keep their order, since every one waits as long. */
function delayedPipe(from: Socket, to: Socket, delayMs: number): void {
  from.on("data", (chunk) => setTimeout(() => to.writable && to.write(chunk), delayMs));
  from.once("end", () => setTimeout(() => to.end(), delayMs));
}

function listen(host: string, port: number, onConnection: (socket: Socket) => void): Promise<Server> {
  const server = createServer(onConnection);
  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(`cannot listen on ${host}:${port} (${error.code ?? error.message}); stop what holds it`)),
    );
    server.listen(port, host, () => resolve(server));
  });
}
