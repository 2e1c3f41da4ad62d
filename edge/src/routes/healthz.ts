import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import { edgeSettings, type AppEnv } from "../env";
import { NO_PROBERS_MESSAGE } from "../smtp-step";

const HealthSchema = z.object({
  ok: z.literal(true),
  smtp: z.enum(["on", "off"]).openapi({ description: "`off` when no prober is configured: results that need SMTP are unknown/smtp_skipped." }),
  note: z.string().optional().openapi({ description: "Why `smtp` is off." }),
});

const healthzRoute = createRoute({
  method: "get",
  path: "/healthz",
  summary: "Liveness",
  description:
    "Answers while the Worker runs, and says whether it can check SMTP (whether any prober is configured). Reveals nothing else about its configuration.",
  responses: {
    200: {
      description: "The edge is up.",
      content: { "application/json": { schema: HealthSchema } },
    },
  },
});

/** `GET /healthz`: liveness for load balancers and `npm start`, and whether SMTP is on. */
export const healthz = new OpenAPIHono<AppEnv>().openapi(healthzRoute, (c) =>
  edgeSettings(c.env).probers.length > 0
    ? c.json({ ok: true as const, smtp: "on" as const }, 200)
    : c.json({ ok: true as const, smtp: "off" as const, note: NO_PROBERS_MESSAGE }, 200),
);
