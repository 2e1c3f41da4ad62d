import { createRoute, z } from "@hono/zod-openapi";
import { errorResponse } from "../../../../shared/contract/schemas";
import type { Context } from "hono";
import type { BounceSource } from "../../../../shared/bounces/bounce";
import { ApiError } from "../../../../shared/http/api-error";
import type { BounceProvider, OwnerHooks } from "../../../../shared/settings/bounce-webhooks";
import { type AppEnv, edgeSettings } from "../../env";
import { recordBounces } from "../../suppressions/store";
import { type ProviderEvent, toBounce } from "../../webhooks/events";
import { forgetDelivery, markDeliverySeen } from "../../webhooks/replay-guard";

/** A bounce webhook's 401: the reason is for the ESP's delivery log, and nothing was stored. */
export const refused = (reason: string) => new ApiError(401, "unauthorized", reason);

const Counts = z.object({ recorded: z.number().int(), skipped: z.number().int() }).openapi("BounceWebhookCounts");

/**
 * The OpenAPI route of one provider's webhook: `POST /webhooks/bounces/<provider>/{owner}`,
 * outside /v1 because an ESP cannot send an API key; the provider's signature stands in for it.
 */
export function webhookRoute(provider: BounceProvider, summary: string, description: string) {
  return createRoute({
    method: "post",
    path: `/webhooks/bounces/${provider}/{owner}`,
    summary,
    description: `${description} The owner is the id of an API key whose MAILVET_BOUNCE_WEBHOOKS entry has the secret; a bad signature, a stale timestamp or a replay gets 401 and nothing is stored.`,
    request: { params: z.object({ owner: z.string().openapi({ description: "the API key id the bounces belong to" }) }) },
    security: [],
    responses: {
      200: { description: "The delivery's bounces and complaints are on the owner's suppression list.", content: { "application/json": { schema: Counts } } },
      400: errorResponse("Signed, but not the provider's event shape."),
      401: errorResponse("Not signed with the owner's secret, stale, or a replay."),
      413: errorResponse("The body is larger than 2 MiB."),
    },
  });
}

/**
 * The owner a webhook URL names and its secret for `provider`: 401 when the owner has none (an
 * unknown owner looks the same, so owners cannot be probed). With the API open (no keys), the
 * bounces go to the one owner there is, "open".
 */
export function ownerHooks<Provider extends BounceProvider>(
  c: Context<AppEnv>,
  provider: Provider,
): { owner: string; hooks: NonNullable<OwnerHooks[Provider]> } {
  const id = c.req.param("owner") ?? "";
  const { bounceWebhooks, apiKeys } = edgeSettings(c.env);
  const hooks = Object.hasOwn(bounceWebhooks, id) ? bounceWebhooks[id]?.[provider] : undefined;
  if (!hooks) throw refused(`no ${provider} webhook is set up for this owner`);
  return { owner: apiKeys.length === 0 ? "open" : `key:${id}`, hooks };
}

/** The body as JSON, or a 400. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "the body is not JSON");
  }
}

/**
 * Files a verified delivery's events on the owner's list. `deliveryId`, when the provider gives
 * one, is marked seen first (a second delivery of it is a 401 replay) and forgotten again if the
 * events cannot be stored, so the provider's retry is taken.
 */
export async function storeDelivery(
  c: Context<AppEnv>,
  {
    owner,
    provider,
    source,
    events,
    deliveryId,
  }: { owner: string; provider: BounceProvider; source: BounceSource; events: ProviderEvent[]; deliveryId?: string },
) {
  const now = Date.now();
  if (deliveryId !== undefined && !(await markDeliverySeen(c.env.JOBS_DB, provider, deliveryId, now)))
    throw refused("this delivery was seen before (a replay)");
  try {
    return c.json(
      await recordBounces(
        c.env.JOBS_DB,
        owner,
        events.map((event) => toBounce(event, source)),
        new Date(now),
      ),
      200,
    );
  } catch (error) {
    if (deliveryId !== undefined) await forgetDelivery(c.env.JOBS_DB, provider, deliveryId);
    throw error;
  }
}
