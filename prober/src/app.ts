import { Hono } from "hono";
import { handleError } from "../../shared/http/error-handler";
import { ApiError } from "../../shared/http/api-error";
import { requireHopSignature } from "../../shared/hop/hono-middleware";
import type { DoctorReport } from "../../shared/contract/doctor";
import type { ProbeService } from "./probe/service";
import { doctorRoute } from "./routes/doctor";
import { healthzRoute } from "./routes/healthz";
import { probeRoute } from "./routes/probe";

export interface ProberAppOptions {
  /** The hop keys (MAILVET_PROBER_SECRET); at least one, or the app refuses to be built. */
  readonly secrets: readonly string[];
  /** The host the edge reaches this prober by (see ProberSettings.hopHost): requests signed for another are refused. */
  readonly host: string;
  readonly service: ProbeService;
  /** The doctor behind `GET /v1/doctor` (doctor/create-doctor.ts); tests of the other routes leave it out. */
  readonly doctor?: () => Promise<DoctorReport>;
}

/**
 * The prober's HTTP app. `/healthz` is open and reveals nothing; everything under `/v1/` needs
 * the edge's hop signature for this prober's host, checked before any other work (unsigned,
 * stale, replayed, forged or misdirected requests get 401 before their body is even parsed),
 * and every answer to a signed request is signed back, so the edge can trust it.
 *
 * @example
 * serve({ fetch: createProberApp({ secrets: settings.secrets, host: settings.hopHost, service: createProbeService(settings) }).fetch, port: 8788 });
 */
export function createProberApp({ secrets, host, service, doctor }: ProberAppOptions): Hono {
  const app = new Hono();
  app.route("/", healthzRoute());
  app.use("/v1/*", requireHopSignature({ secrets, host }));
  app.route("/", probeRoute(service));
  if (doctor) app.route("/", doctorRoute(doctor));
  app.notFound((c) => handleError(new ApiError(404, "not_found", "no such route"), c));
  app.onError(handleError);
  return app;
}
