import { Hono } from "hono";
import { ApiError } from "../../../shared/http/api-error";
import { REQUEST_ID_HEADER } from "../../../shared/log/request-id";
import { parseProbeRequest } from "../probe/request";
import { type AdmissionRefusal, ProbeRefused } from "../probe/admission";
import type { ProbeService } from "../probe/service";

/** What a busy prober asks the edge to wait: a probe takes about a second, often less. */
export const BUSY_RETRY_AFTER_SECONDS = 1;

const REFUSALS: Record<AdmissionRefusal, string> = {
  closed: "the prober is shutting down",
  full: "the prober is at its limit of concurrent sessions",
  caller_share: "this caller holds its share of the prober's concurrent sessions; others keep theirs",
};

/**
 * `POST /v1/probe`: the edge's SMTP work for one domain (shared/contract/probe.ts). The hop
 * signature is checked before this route runs (see app.ts). A body that is not a valid request
 * is 400; a prober at its limit of sessions, or shutting down, answers 429 with Retry-After at
 * once, so the edge can go to another prober; so does a caller that holds its share of the
 * sessions (admission.ts), and that caller only.
 *
 * @example
 * app.route("/", probeRoute(service));
 */
export function probeRoute(service: ProbeService): Hono {
  return new Hono().post("/v1/probe", async (c) => {
    const body: unknown = await c.req.json().catch(() => {
      throw new ApiError(400, "invalid_request", "the body must be JSON");
    });
    const request = parseProbeRequest(body);
    // The edge's id for the request, back in a header, so a proxy's log between the two holds it too.
    if (request.request_id !== undefined) c.header(REQUEST_ID_HEADER, request.request_id);
    const response = await service.probe(request).catch((error: unknown) => {
      if (!(error instanceof ProbeRefused)) throw error;
      throw new ApiError(429, "too_many_requests", REFUSALS[error.reason], { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) });
    });
    // A prober shutting down closes each connection after its answer, so it can exit then.
    return c.json(response, 200, service.stopping ? { Connection: "close" } : {});
  });
}
