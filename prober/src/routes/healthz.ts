import { Hono } from "hono";

/**
 * `GET /healthz`: open to anyone, so it says nothing but that the process answers; no
 * version, no settings, no counts.
 *
 * @example
 * app.route("/", healthzRoute());
 */
export function healthzRoute(): Hono {
  return new Hono().get("/healthz", (c) => c.json({ ok: true }));
}
