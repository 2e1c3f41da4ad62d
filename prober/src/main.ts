import { serve } from "@hono/node-server";
import { SettingsError } from "../../shared/settings/parse";
import { createProberApp } from "./app";
import { readProberSettings, type ProberSettings } from "./settings";

/** How long a graceful shutdown waits for requests in flight before it closes them. */
const SHUTDOWN_GRACE_MS = 5000;

function start(settings: ProberSettings): void {
  const server = serve({ fetch: createProberApp().fetch, hostname: "127.0.0.1", port: settings.port }, (info) => {
    console.log(`prober listening on http://127.0.0.1:${info.port}`);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`prober: cannot listen on 127.0.0.1:${settings.port}: ${error.code ?? error.message}`);
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`prober: ${signal}, shutting down`);
    // Stop accepting, let requests in flight finish, then cut what is left.
    const force = setTimeout(() => {
      if ("closeAllConnections" in server) server.closeAllConnections();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => process.exit(0));
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
