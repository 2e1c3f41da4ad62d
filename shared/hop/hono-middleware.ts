import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { hopKeys } from "./hop-crypto";
import { HOP_HEADERS } from "./hop-headers";
import { createNonceStore } from "./nonce-store";
import { signResponse } from "./sign-response";
import { verifySignedRequest, type VerifySignedRequestOptions } from "./verify-signed-request";

export interface HopSignatureOptions extends Omit<VerifySignedRequestOptions, "nonces"> {
  /** The most nonces remembered at once; see createNonceStore. */
  maxNonces?: number;
}

/**
 * Hono middleware that lets through only requests signed by the edge for this prober's host
 * (see verifySignedRequest) and refuses the rest with an ApiError for the app's error handler. The
 * checked body is put back on the request, so handlers read it as usual; whatever they answer
 * (an error included) is signed for the request's nonce (signResponse), so the edge can trust
 * it. Imports the keys at once, and so throws at once when none is configured: a prober without
 * a key would refuse every request, so it must not start.
 *
 * @example
 * app.use("/v1/*", requireHopSignature({ secrets: settings.secrets, host: "prober.example.net" }));
 * app.post("/v1/probe", async (c) => c.json(await probe(await c.req.json())));
 */
export function requireHopSignature({ maxNonces, ...options }: HopSignatureOptions): MiddlewareHandler {
  void hopKeys(options.secrets);
  const nonces = createNonceStore({ maxEntries: maxNonces });
  return createMiddleware(async (c, next) => {
    const body = await verifySignedRequest(c.req.raw, { ...options, nonces });
    // Well-formed, or verifySignedRequest would have refused the request.
    const nonce = c.req.raw.headers.get(HOP_HEADERS.nonce)!;
    // Only a request that had a body lost it to the check; GET and HEAD may not carry one.
    if (c.req.raw.body !== null) c.req.raw = new Request(c.req.raw, { body });
    await next();
    c.res = await signResponse(c.res, nonce, options.secrets);
  });
}
