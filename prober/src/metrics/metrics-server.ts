import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

/**
 * Serves `GET /metrics` (Prometheus text format) on a listener of its own, apart from the hop:
 * Prometheus cannot sign hop requests, so the metrics are unauthenticated and the listener binds
 * to loopback unless MAILVET_PROBER_METRICS_HOST says otherwise (a scraper on the same machine,
 * or a tunnel). The metrics hold counts by fixed labels only: no address, domain or host.
 * Anything but `GET /metrics` is 404. Resolves once listening; rejects when the port is taken.
 *
 * @example
 * const server = await serveMetrics(metrics.registry, { host: "127.0.0.1", port: 9464 });
 */
export function serveMetrics(registry: Registry, { host, port }: { host: string; port: number }): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== "GET" || new URL(request.url ?? "/", "http://metrics").pathname !== "/metrics") {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(text),
      () => response.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"),
    );
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server);
    });
  });
}
