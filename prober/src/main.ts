import { createServer } from "node:https";
import { serve } from "@hono/node-server";
import { SettingsError } from "../../shared/settings/parse";
import { createProberApp } from "./app";
import { createDoctor } from "./doctor/create-doctor";
import { createProbeService } from "./probe/service";
import { readProberSettings, type ProberSettings } from "./settings";
import { stopGracefully } from "./shutdown";

/**
 * How long probes in flight may go on after SIGTERM before they are cut short: within the 5 s
 * the local stack (infra/local/processes.ts) waits before it sends SIGKILL.
 */
const SHUTDOWN_GRACE_MS = 3000;

function start(settings: ProberSettings): void {
  const service = createProbeService(settings);
  const app = createProberApp({ secrets: settings.secrets, host: settings.hopHost, service, doctor: createDoctor(settings, service.blockReplies) });
  const { listen, port, tls } = settings;
  const scheme = tls ? "https" : "http";
  const server = serve({ fetch: app.fetch, hostname: listen, port, ...(tls && { createServer, serverOptions: { cert: tls.cert, key: tls.key } }) }, (info) =>
    console.log(`prober listening on ${scheme}://${listen.includes(":") ? `[${listen}]` : listen}:${info.port}`),
  );
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`prober: cannot listen on ${listen}:${port}: ${error.code ?? error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`prober: ${signal}, finishing ${service.inFlight} probes in flight`);
    void stopGracefully(server, service, SHUTDOWN_GRACE_MS).then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

try {
  start(readProberSettings(process.env));
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  console.error(`prober: bad settings\n${error.message}`);
  process.exit(2);
}
