import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { verifyMailgunSignature } from "../../webhooks/mailgun";
import { mailgunBody, mailgunEvents } from "../../webhooks/mailgun-events";
import { readPayload } from "../../webhooks/events";
import { isFresh } from "../../webhooks/replay-guard";
import { ownerHooks, parseJson, refused, storeDelivery, webhookRoute } from "./delivery";

const route = webhookRoute(
  "mailgun",
  "Mailgun webhook",
  "Mailgun's webhooks (failed, complained): the HMAC-SHA256 of timestamp and token under the owner's HTTP webhook signing key (`mailgun.signingKey`); a token seen before is a replay.",
);

/** `POST /webhooks/bounces/mailgun/{owner}`. */
export const mailgunWebhook = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { owner, hooks } = ownerHooks(c, "mailgun");
  const payload = parseJson(await c.req.text());
  const { signature } = readPayload(mailgunBody, payload, "Mailgun");
  if (!(await verifyMailgunSignature(hooks.signingKey, signature))) throw refused("bad Mailgun signature");
  if (!isFresh(signature.timestamp, Date.now())) throw refused("stale Mailgun timestamp (more than 5 minutes away)");
  return storeDelivery(c, { owner, provider: "mailgun", source: "mailgun", events: mailgunEvents(payload), deliveryId: signature.token });
});
