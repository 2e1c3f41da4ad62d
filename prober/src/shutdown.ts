import type { ServerType } from "@hono/node-server";
import type { ProbeService } from "./probe/service";

/**
 * How long answers already composed get to reach the edge once the probes are done, before the
 * connections still open are cut.
 */
const FLUSH_MS = 1000;

/**
 * A graceful stop: the server stops accepting connections, the service admits no new probes
 * (a request on a kept-alive connection gets 429), probes in flight get `graceMs` to finish and
 * are then cut short (they answer `timeout`, they do not hang), their answers are sent, and the
 * connections left are closed. Resolves when the server has closed.
 *
 * @example
 * process.on("SIGTERM", () => void stopGracefully(server, service, 3000).then(() => process.exit(0)));
 */
export async function stopGracefully(server: ServerType, service: ProbeService, graceMs: number): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  await service.shutdown(graceMs);
  // Each answer is written as its probe ends; what is idle now can go, and the rest soon.
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  const cut = setTimeout(() => {
    if ("closeAllConnections" in server) server.closeAllConnections();
  }, FLUSH_MS);
  cut.unref();
  await closed;
  clearTimeout(cut);
}
