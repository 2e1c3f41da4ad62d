import type { Context } from "hono";
import { ApiError } from "../../../../shared/http/api-error";
import type { AppEnv } from "../../env";

/**
 * Whose suppression list a request reads or edits: the caller's own, or, for an admin key only,
 * the one `owner` names (so an operator can look after any owner's list).
 *
 * @example
 * const owner = listOwner(c, c.req.valid("query").owner);
 */
export function listOwner(c: Context<AppEnv>, requested: string | undefined): string {
  const caller = c.get("caller");
  if (requested === undefined || requested === caller.owner) return caller.owner;
  if (!caller.scopes.has("admin")) throw new ApiError(403, "forbidden", "only an admin key may name another owner's list");
  return requested;
}
