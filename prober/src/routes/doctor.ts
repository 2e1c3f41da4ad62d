import { Hono } from "hono";
import type { DoctorReport } from "../../../shared/contract/doctor";

/**
 * `GET /v1/doctor`: the prober's health report (shared/contract/doctor.ts), for `mailvet doctor`
 * and the edge's standing review. Signed like the probe hop (see app.ts): it names the prober's
 * IPs and settings, which are nobody else's business. Always 200 with the report; its `status`
 * says how the prober is.
 *
 * @example
 * app.route("/", doctorRoute(createDoctor(settings, service.blockReplies)));
 */
export function doctorRoute(doctor: () => Promise<DoctorReport>): Hono {
  return new Hono().get("/v1/doctor", async (c) => c.json(await doctor()));
}
