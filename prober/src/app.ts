import { Hono } from "hono";
import { handleError } from "../../shared/http/error-handler";
import { ApiError } from "../../shared/http/api-error";
import { requireHopSignature } from "../../shared/hop/hono-middleware";
import type { ProbeService } from "./probe/service";
import { healthzRoute } from "./routes/healthz";
import { probeRoute } from "./routes/probe";

export interface ProberAppOptions {
  /** The hop keys (MAILVET_PROBER_SECRET); at least one, or the app refuses to be built. */
  readonly secrets: readonly string[];
  readonly service: ProbeService;
}

/**
 * The prober's HTTP app. `/healthz` is open and reveals nothing; everything under `/v1/` needs
 * the edge's hop signature, checked before any other work (unsigned, stale, replayed or forged
 * requests get 401 before their body is even parsed).
 *
 * @example
 * serve({ fetch: createProberApp({ secrets: settings.secrets, service: createProbeService(settings) }).fetch, port: 8788 });
 */
export function createProberApp({ secrets, service }: ProberAppOptions): Hono {
  const app = new Hono();
  app.route("/", healthzRoute());
  app.use("/v1/*", requireHopSignature({ secrets }));
  app.route("/", probeRoute(service));
  app.notFound((c) => handleError(new ApiError(404, "not_found", "no such route"), c));
  app.onError(handleError);
  return app;
}
