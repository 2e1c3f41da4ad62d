import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";

const healthzRoute = createRoute({
  method: "get",
  path: "/healthz",
  summary: "Liveness",
  description: "Answers while the Worker runs. Reveals nothing about its configuration.",
  responses: {
    200: {
      description: "The edge is up.",
      content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } },
    },
  },
});

/** `GET /healthz`: liveness for load balancers and `npm start`. */
export const healthz = new OpenAPIHono<AppEnv>().openapi(healthzRoute, (c) => c.json({ ok: true as const }, 200));
