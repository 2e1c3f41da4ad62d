import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { isFresh } from "../../webhooks/replay-guard";
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER, verifySendGridSignature } from "../../webhooks/sendgrid";
import { sendGridEvents } from "../../webhooks/sendgrid-events";
import { ownerHooks, parseJson, refused, storeDelivery, webhookRoute } from "./delivery";

const route = webhookRoute(
  "sendgrid",
  "SendGrid Event Webhook",
  "SendGrid's Signed Event Webhook: the ECDSA signature of the timestamp and raw body, checked with the owner's verification key (`sendgrid.publicKey`). bounce, dropped, deferred and spamreport events are kept.",
);

/** `POST /webhooks/bounces/sendgrid/{owner}`. */
export const sendGridWebhook = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { owner, hooks } = ownerHooks(c, "sendgrid");
  const raw = new Uint8Array(await c.req.arrayBuffer());
  const timestamp = c.req.header(SENDGRID_TIMESTAMP_HEADER) ?? null;
  if (!(await verifySendGridSignature(hooks.publicKey, c.req.header(SENDGRID_SIGNATURE_HEADER) ?? null, timestamp, raw)))
    throw refused("bad SendGrid signature");
  if (!isFresh(timestamp, Date.now())) throw refused("stale SendGrid timestamp (more than 5 minutes away)");
  const events = sendGridEvents(parseJson(new TextDecoder().decode(raw)));
  // SendGrid gives no id per request; the signature itself is unique to one timestamp and body.
  return storeDelivery(c, { owner, provider: "sendgrid", source: "sendgrid", events, deliveryId: c.req.header(SENDGRID_SIGNATURE_HEADER) });
});
