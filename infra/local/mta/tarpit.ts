import { once } from "node:events";
import { createServer, type Socket } from "node:net";

/** A mail host that accepts connections and never says a word. */
export interface Tarpit {
  /** Connections accepted so far, so a test can tell a client got through TCP and then waited. */
  accepted(): number;
  /** Drops every connection it holds and stops listening. */
  stop(): Promise<void>;
}

/**
 * Listens on `host:port` and holds every connection open without ever sending a banner, as an
 * overloaded or deliberately slow MX does; only the client's own deadline ends the wait.
 * Postfix has no honest way to do this (its smtpd always greets, if late), so it is a plain
 * Node server.
 *
 * @example
 * const tarpit = await startTarpit("127.0.0.45", 2525);
 * // a client connects … and hears nothing
 * await tarpit.stop();
 */
export async function startTarpit(host: string, port: number): Promise<Tarpit> {
  const held = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    held.add(socket);
    socket.on("error", () => {});
    socket.once("close", () => held.delete(socket));
  });
  server.listen(port, host);
  // once() rejects when "error" comes first: the port is taken.
  await once(server, "listening");
  return {
    accepted: () => accepted,
    async stop() {
      for (const socket of held) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
