import { Hono } from "hono";
import { handleError } from "../../shared/http/error-handler";
import { ApiError } from "../../shared/http/api-error";

/**
 * The prober's HTTP app. `/healthz` needs no signature and reveals nothing; the signed
 * `POST /v1/probe` hop arrives with the SMTP issue.
 *
 * @example
 * serve({ fetch: createProberApp().fetch, port: 8788 });
 */
export function createProberApp(): Hono {
  const app = new Hono();
  app.get("/healthz", (c) => c.json({ ok: true }));
  app.notFound((c) => handleError(new ApiError(404, "not_found", "no such route"), c));
  app.onError(handleError);
  return app;
}
