import net from "node:net";

export interface LoopbackAlias {
  close(): Promise<void>;
}

/**
 * Makes a scripted server (which listens on 127.0.0.1 only) answer on another loopback address
 * too, at a chosen port: a second MX host on the same SMTP port, as the prober's port pinning
 * requires. Bytes are passed through both ways unchanged.
 *
 * @example
 * const alias = await startLoopbackAlias("127.0.0.2", first.port, second.port); // 127.0.0.2:first.port → second
 */
export async function startLoopbackAlias(ip: string, port: number, targetPort: number): Promise<LoopbackAlias> {
  const sockets = new Set<net.Socket>();
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
  };
  const server = net.createServer((incoming) => {
    const outgoing = net.connect(targetPort, "127.0.0.1");
    track(incoming);
    track(outgoing);
    incoming.pipe(outgoing).on("close", () => incoming.destroy());
    outgoing.pipe(incoming);
    outgoing.on("close", () => incoming.destroy());
    incoming.on("close", () => outgoing.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, ip, resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
