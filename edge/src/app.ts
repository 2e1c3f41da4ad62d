import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { ApiError } from "../../shared/http/api-error";
import { handleError } from "../../shared/http/error-handler";
import type { AppEnv } from "./env";
import { isStreamedUpload } from "./jobs/upload/upload";
import { identifyCaller, requireScope } from "./middleware/api-key";
import { limitRate } from "./middleware/rate-limit";
import { logRequests } from "./middleware/request-log";
import { requireUtf8Query } from "./middleware/utf8-query";
import { healthz } from "./routes/healthz";
import { suppressions } from "./routes/suppressions";
import { jobs } from "./routes/jobs";
import { reputation } from "./routes/reputation";
import { reputationSchedules } from "./routes/reputation-schedules";
import { probersDoctor } from "./routes/probers-doctor";
import { verify } from "./routes/verify";
import { bounceWebhooks } from "./routes/bounce-webhooks";
import { importSuppressions } from "./routes/suppressions-import/import";
import { probers } from "./routes/probers";

const API_DESCRIPTION = `E-mail verification: syntax, lists, DNS and SMTP, answered at the edge.

One address: \`GET /v1/verify?email=…\` gives a verdict (deliverable, undeliverable, risky or unknown) and the reason that decided it. A list: \`POST /v1/jobs\` with a CSV, XLSX or JSON list, then \`GET /v1/jobs/{id}\` until it is done, then \`GET /v1/jobs/{id}/results\`.

Where the server sets MAILVET_API_KEYS, every \`/v1/*\` request needs \`Authorization: Bearer <key>\` with a key that has the route's scope: \`verify\` for /v1/verify, \`jobs\` for /v1/jobs (a job is visible only to the key that created it; other keys get 404), \`admin\` for both and every job. A widget key (one with origins) works only for /v1/verify from the origins it names. Over the rate limit (per key, or per client address without a secret key) the answer is 429 with Retry-After.

The suppression list, \`/v1/suppressions\` (the \`jobs\` scope), is each key's own: an address on it that bounced hard or complained is answered undeliverable (\`bounced\`, \`complained\`) by /v1/verify and bulk jobs, and every result says so in \`bounce\`.`;

/** A bearer key, or none: which one depends on whether the server sets MAILVET_API_KEYS. */
const KEY_WHERE_SET: Record<string, string[]>[] = [{ apiKey: [] }, {}];

/**
 * Larger than any request but an upload should be (a JSON list of 10,000 addresses is about
 * 300 KB), so 1 MB of junk in an `email` still gets the contract's 400.
 */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * Builds the edge's Hono app: routes, the shared middleware, the one error handler, and the
 * OpenAPI document generated from the same zod schemas that validate the requests.
 *
 * @example
 * export default createApp();
 */
export function createApp() {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
        throw new ApiError(400, "invalid_request", `${where}${issue?.message ?? "invalid request"}`);
      }
    },
  });
  app.use("*", logRequests);
  app.use("/v1/*", cors({ origin: "*", allowHeaders: ["Authorization", "Content-Type", "X-Request-Id"], exposeHeaders: ["X-Request-Id"], maxAge: 86400 }));
  app.use("/v1/*", identifyCaller, limitRate, requireUtf8Query);
  app.use("/v1/verify", requireScope("verify"));
  app.use("/v1/jobs", requireScope("jobs"));
  app.use("/v1/jobs/*", requireScope("jobs"));
  // The suppression list is about what the caller's sending taught, so the jobs scope is its.
  app.use("/v1/suppressions", requireScope("jobs"));
  app.use("/v1/suppressions.csv", requireScope("jobs"));
  app.use("/v1/suppressions/*", requireScope("jobs"));
  app.use("/v1/reputation", requireScope("reputation"));
  app.use("/v1/reputation/*", requireScope("reputation"));
  app.use("/v1/probers/doctor", requireScope("admin"));
  app.use("/v1/probers", requireScope("admin"));
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, "payload_too_large", `the request body is larger than ${MAX_BODY_BYTES} bytes; send a long list to POST /v1/jobs as a CSV file`);
    },
  });
  // Uploads stream to R2 under the jobs' own limits; every other body, a JSON list included, is
  // read with a byte cap before anything parses it.
  app.use("/v1/*", (c, next) => (isStreamedUpload(c.req.raw) ? next() : limitBody(c, next)));
  app.route("/", jobs);
  app.route("/", healthz);
  app.route("/", verify);
  app.route("/", suppressions);
  app.route("/", bounceWebhooks);
  app.route("/", importSuppressions);
  app.route("/", reputation);
  app.route("/", reputationSchedules);
  app.route("/", probersDoctor);
  app.route("/", probers);
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });
  // The server is this one, as the client reached it, so the docs' examples run as they are.
  app.doc31("/openapi.json", (c) => ({
    openapi: "3.1.0",
    info: { title: "Mailvet API", version: "1", description: API_DESCRIPTION },
    servers: [{ url: new URL(c.req.url).origin }],
    security: KEY_WHERE_SET,
  }));
  app.notFound((c) => handleError(new ApiError(404, "not_found", "no such route; see /openapi.json"), c));
  app.onError(handleError);
  return app;
}
