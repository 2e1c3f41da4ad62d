import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { isFresh } from "../../webhooks/replay-guard";
import { resendEvents } from "../../webhooks/resend-events";
import { verifySvixSignature } from "../../webhooks/svix";
import { ownerHooks, parseJson, refused, storeDelivery, webhookRoute } from "./delivery";

const route = webhookRoute(
  "resend",
  "Resend webhook",
  "Resend's webhooks (email.bounced, email.complained), signed by Svix: the svix-signature HMAC of svix-id, svix-timestamp and the raw body under the owner's signing secret (`resend.secret`, whsec_…); an svix-id seen before is a replay.",
);

/** `POST /webhooks/bounces/resend/{owner}`. */
export const resendWebhook = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { owner, hooks } = ownerHooks(c, "resend");
  const body = await c.req.text();
  const headers = { id: c.req.header("svix-id") ?? null, timestamp: c.req.header("svix-timestamp") ?? null, signature: c.req.header("svix-signature") ?? null };
  if (!(await verifySvixSignature(hooks.secret, headers, body))) throw refused("bad Svix signature");
  if (!isFresh(headers.timestamp, Date.now())) throw refused("stale svix-timestamp (more than 5 minutes away)");
  return storeDelivery(c, { owner, provider: "resend", source: "resend", events: resendEvents(parseJson(body)), deliveryId: headers.id! });
});
