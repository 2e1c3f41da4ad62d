import { connect } from "node:net";
import type { Daemon } from "../dns/daemon";

/** What is being waited for: a daemon, or anything that ends like one and has a log. */
type Watched = Pick<Daemon, "exited" | "output">;

const POLL_MS = 50;

/**
 * Polls `check` until it says yes. Fails at once, with what the daemon wrote, when the daemon
 * exits first (a port already taken, a bad config), and after `withinMs` otherwise.
 *
 * @example
 * await untilReady("postgrey", () => acceptsConnections("127.0.0.1", port), postgrey);
 */
export async function untilReady(what: string, check: () => Promise<boolean>, daemon: Watched, withinMs = 15_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  let exited = false;
  void daemon.exited.then(() => (exited = true));
  while (!(await check())) {
    if (exited) throw new Error(`${what} exited on start:\n${daemon.output()}`);
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${withinMs} ms:\n${daemon.output()}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Whether something accepts TCP connections on `host:port` right now.
 *
 * @example
 * await acceptsConnections("127.0.0.1", 10023); // true once postgrey listens
 */
export function acceptsConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
