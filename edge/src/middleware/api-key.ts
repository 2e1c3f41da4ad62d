import { createMiddleware } from "hono/factory";
import { ApiError } from "../../../shared/http/api-error";
import type { Scope } from "../../../shared/settings/api-keys";
import { type AppEnv, edgeSettings } from "../env";
import { ALL_SCOPES, type Caller, clientOf, probeIdOf } from "./caller";
import { findKey, knownKeys, type KnownKey } from "./key-table";

const unauthorized = () =>
  new ApiError(401, "unauthorized", "a valid API key is required: Authorization: Bearer <key>", { "WWW-Authenticate": 'Bearer realm="mailvet"' });

/**
 * Names the caller of `/v1/*` (`c.get("caller")`). With MAILVET_API_KEYS set, the request must
 * carry `Authorization: Bearer <key>` with a known key (401 otherwise), and a widget key only
 * counts from the origins it names (403 otherwise). Unset, the API is open (local use): every
 * caller has every scope and is told apart by its address.
 *
 * @example
 * app.use("/v1/*", identifyCaller);
 */
export const identifyCaller = createMiddleware<AppEnv>(async (c, next) => {
  const { apiKeys } = edgeSettings(c.env);
  const client = clientOf(c.req.raw.headers);
  let caller: Caller;
  if (apiKeys.length === 0) {
    caller = { owner: "open", scopes: ALL_SCOPES, limitedAs: { kind: "client", key: client }, probeId: await probeIdOf(`client:${client}`) };
  } else {
    const presented = /^Bearer\s+(\S+)$/i.exec(c.req.header("authorization") ?? "")?.[1];
    const key = presented === undefined ? null : await findKey(await knownKeys(apiKeys), presented);
    if (!key) throw unauthorized();
    checkOrigin(key, c.req.header("origin"));
    // A widget key is public (it is in the page), so its callers are counted by their address too.
    const limitedAs = key.origins ? ({ kind: "client", key: client } as const) : ({ kind: "key", key: key.owner } as const);
    caller = { owner: key.owner, scopes: key.scopes, limitedAs, probeId: await probeIdOf(key.origins ? `client:${client}` : key.owner) };
  }
  c.set("caller", caller);
  await next();
});

function checkOrigin(key: KnownKey, origin: string | undefined): void {
  if (key.origins === null || (origin !== undefined && key.origins.includes(origin))) return;
  throw new ApiError(
    403,
    "forbidden",
    origin === undefined
      ? "this widget key works only from a web page of the origins it names (no Origin header)"
      : `this widget key does not work from ${origin}`,
  );
}

/**
 * Lets through only callers whose key has `scope` (or `admin`); 403 with the reason otherwise.
 *
 * @example
 * app.use("/v1/jobs/*", requireScope("jobs"));
 */
export const requireScope = (scope: Scope) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const { scopes } = c.get("caller");
    if (!scopes.has(scope) && !scopes.has("admin")) throw new ApiError(403, "forbidden", `this API key does not have the ${scope} scope`);
    await next();
  });
