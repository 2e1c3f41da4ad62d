import { createSocket } from "node:dgram";
import { createServer } from "node:net";

/**
 * A loopback port that is free for both TCP and UDP right now, as DNS servers need both. The
 * kernel picks it; another process may still take it before the caller binds, so callers that
 * start servers on it retry on a clash.
 *
 * @example
 * const port = await freeLoopbackPort(); // e.g. 40213
 */
export async function freeLoopbackPort(): Promise<number> {
  for (;;) {
    const port = await freeTcpPort();
    if (await udpPortIsFree(port)) return port;
  }
}

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function udpPortIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket("udp4");
    socket.once("error", () => resolve(false));
    socket.bind(port, "127.0.0.1", () => socket.close(() => resolve(true)));
  });
}
