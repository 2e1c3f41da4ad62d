import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../env";
import { matchesBasicAuth } from "../../webhooks/basic-auth";
import { postmarkEvents } from "../../webhooks/postmark-events";
import { ownerHooks, parseJson, refused, storeDelivery, webhookRoute } from "./delivery";

const route = webhookRoute(
  "postmark",
  "Postmark webhook",
  "Postmark's Bounce and Spam Complaint webhooks, with the owner's user name and password (`postmark.username`, `postmark.password`) written into the URL given to Postmark, which sends them as basic auth. Postmark signs nothing else: there is no timestamp or id to refuse a replay by.",
);

/** `POST /webhooks/bounces/postmark/{owner}`. */
export const postmarkWebhook = new OpenAPIHono<AppEnv>().openapi(route, async (c) => {
  const { owner, hooks } = ownerHooks(c, "postmark");
  if (!matchesBasicAuth(c.req.header("authorization"), hooks.username, hooks.password)) throw refused("bad Postmark basic auth");
  const events = postmarkEvents(parseJson(await c.req.text()));
  return storeDelivery(c, { owner, provider: "postmark", source: "postmark", events });
});
