import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ProbersDoctorSchema } from "../../../shared/contract/doctor";
import { errorResponse } from "../../../shared/contract/schemas";
import { type AppEnv, edgeSettings } from "../env";
import { askDoctor } from "../probers/doctor-report";

const probersDoctorRoute = createRoute({
  method: "get",
  path: "/v1/probers/doctor",
  summary: "Every prober's doctor report",
  description:
    "Asks every configured prober (MAILVET_PROBERS) for its doctor report over the signed hop, at once: egress IPs, reverse DNS, HELO, the MAIL FROM domain and its SPF, outbound port 25, block lists and the last hour's block replies, each with what to fix. Needs the `admin` scope. A prober that cannot be asked has `report: null` and an `error`.",
  responses: {
    200: { description: "One entry per configured prober, in MAILVET_PROBERS's order.", content: { "application/json": { schema: ProbersDoctorSchema } } },
    400: errorResponse("The query is not UTF-8."),
    401: errorResponse("MAILVET_API_KEYS is set and the request has no valid `Authorization: Bearer <key>`."),
    403: errorResponse("The key does not have the `admin` scope."),
    429: errorResponse("The key (or the client address) is over its rate limit; see Retry-After."),
  },
});

/** `GET /v1/probers/doctor` (admin): the doctor reports of every prober, for `mailvet doctor`. */
export const probersDoctor = new OpenAPIHono<AppEnv>().openapi(probersDoctorRoute, async (c) => {
  const { probers, proberSecrets } = edgeSettings(c.env);
  return c.json({ probers: await Promise.all(probers.map((prober) => askDoctor(prober, proberSecrets))) }, 200);
});
