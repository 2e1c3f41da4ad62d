import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { ApiError } from "../../../../shared/http/api-error";
import { errorResponse } from "../../../../shared/contract/schemas";
import { AddressParamSchema, OwnerQuerySchema, PutSuppressionSchema, SUPPRESSION_ERRORS, SuppressionSchema } from "../../../../shared/contract/suppressions";
import { type AppEnv, edgeSettings } from "../../env";
import { suppressedAddress } from "../../suppressions/address-key";
import { findSuppressions, putSuppression, removeSuppression } from "../../suppressions/store";
import { listOwner } from "./list-owner";

const notAnAddress = () => new ApiError(400, "invalid_request", "the path does not name an e-mail address");
function addressOf(text: string) {
  const address = suppressedAddress(text);
  if (address === null) throw notAnAddress();
  return address;
}
const notListed = () => new ApiError(404, "not_found", "the address is not on the suppression list");
const json = { "application/json": { schema: SuppressionSchema } };

const getRoute = createRoute({
  method: "get",
  path: "/v1/suppressions/{address}",
  summary: "Read one address's suppression entry",
  request: { params: AddressParamSchema, query: OwnerQuerySchema },
  responses: {
    200: { description: "The entry in force.", content: json },
    ...SUPPRESSION_ERRORS,
    404: errorResponse("The address is not on the list (or its soft bounce has lapsed)."),
  },
});

const putRoute = createRoute({
  method: "put",
  path: "/v1/suppressions/{address}",
  summary: "Put an address on the suppression list by hand",
  description:
    "Replaces any entry the address had (source `manual`). A hard entry or a complaint makes verification answer undeliverable/bounced or complained.",
  request: { params: AddressParamSchema, query: OwnerQuerySchema, body: { required: true, content: { "application/json": { schema: PutSuppressionSchema } } } },
  responses: { 200: { description: "The entry as stored.", content: json }, ...SUPPRESSION_ERRORS },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/v1/suppressions/{address}",
  summary: "Take an address off the suppression list",
  request: { params: AddressParamSchema, query: OwnerQuerySchema },
  responses: {
    204: { description: "Removed: verification answers as it did before the bounce." },
    ...SUPPRESSION_ERRORS,
    404: errorResponse("The address was not on the list."),
  },
});

/** `GET`, `PUT` and `DELETE /v1/suppressions/{address}`: one entry of the caller's list. */
export const suppressionEntry = new OpenAPIHono<AppEnv>()
  .openapi(getRoute, async (c) => {
    const address = addressOf(c.req.valid("param").address);
    const found = await findSuppressions(
      c.env.JOBS_DB,
      listOwner(c, c.req.valid("query").owner),
      [address.key],
      new Date(),
      edgeSettings(c.env).softBounceDays,
    );
    const entry = found.get(address.key);
    if (!entry) throw notListed();
    return c.json(entry, 200);
  })
  .openapi(putRoute, async (c) => {
    const entry = await putSuppression(c.env.JOBS_DB, listOwner(c, c.req.valid("query").owner), c.req.valid("param").address, c.req.valid("json"), new Date());
    if (!entry) throw notAnAddress();
    return c.json(entry, 200);
  })
  .openapi(deleteRoute, async (c) => {
    const address = addressOf(c.req.valid("param").address);
    if (!(await removeSuppression(c.env.JOBS_DB, listOwner(c, c.req.valid("query").owner), address.key))) throw notListed();
    return c.body(null, 204);
  });
