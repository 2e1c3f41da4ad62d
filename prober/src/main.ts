import { createServer } from "node:https";
import { serve } from "@hono/node-server";
import { logLine } from "../../shared/log/json-log";
import { SettingsError } from "../../shared/settings/parse";
import { createProberApp } from "./app";
import { createDoctor } from "./doctor/create-doctor";
import { serveMetrics } from "./metrics/metrics-server";
import { createProberMetrics } from "./metrics/prober-metrics";
import { createProbeService } from "./probe/service";
import { readProberSettings, type ProberSettings } from "./settings";
import { stopGracefully } from "./shutdown";

/**
 * How long probes in flight may go on after SIGTERM before they are cut short: within the 5 s
 * the local stack (infra/local/processes.ts) waits before it sends SIGKILL.
 */
const SHUTDOWN_GRACE_MS = 3000;

function start(settings: ProberSettings): void {
  const metrics = createProberMetrics();
  const service = createProbeService(settings, { metrics });
  const app = createProberApp({ secrets: settings.secrets, host: settings.hopHost, service, doctor: createDoctor(settings, service.blockReplies) });
  const { listen, port, tls } = settings;
  const scheme = tls ? "https" : "http";
  const server = serve({ fetch: app.fetch, hostname: listen, port, ...(tls && { createServer, serverOptions: { cert: tls.cert, key: tls.key } }) }, (info) =>
    logLine("info", "prober listening", { url: `${scheme}://${listen.includes(":") ? `[${listen}]` : listen}:${info.port}` }),
  );
  server.on("error", (error: NodeJS.ErrnoException) => {
    logLine("error", "prober cannot listen", { listen: `${listen}:${port}`, error: error.code ?? error.message });
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logLine("info", "prober stopping", { signal, in_flight: service.inFlight });
    void stopGracefully(server, service, SHUTDOWN_GRACE_MS).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);

  if (settings.metrics) {
    const { host, port } = settings.metrics;
    serveMetrics(metrics.registry, settings.metrics).then(
      (metricsServer) => metricsServer.unref(),
      (error: NodeJS.ErrnoException) => {
        logLine("error", "prober cannot serve metrics", { listen: `${host}:${port}`, error: error.code ?? error.message });
        process.exit(1);
      },
    );
  }
}

try {
  start(readProberSettings(process.env));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  logLine("error", "prober: bad settings", { problems: error.message });
  process.exit(2);
}
