import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { handleError, toApiError } from "./error-handler";

describe("toApiError", () => {
  it("keeps an ApiError as it is", () => {
    const error = new ApiError(401, "unauthorized", "no key");
    expect(toApiError(error)).toBe(error);
  });

  it("maps Hono's exceptions to the contract's codes", () => {
    expect(toApiError(new HTTPException(413)).code).toBe("payload_too_large");
    expect(toApiError(new HTTPException(400, { message: "Malformed JSON in request body" }))).toMatchObject({ status: 400, code: "invalid_request" });
    expect(toApiError(new HTTPException(415))).toMatchObject({ status: 400, code: "invalid_request" });
  });

  it("hides anything unexpected behind a 500 that says nothing of the internals", () => {
    const apiError = toApiError(new TypeError("cannot read someone@example.com"));
    expect(apiError).toMatchObject({ status: 500, code: "internal", message: "internal error" });
  });
});

describe("handleError", () => {
  it("renders {error: {code, message}} with the status and headers", async () => {
    const app = new Hono();
    app.get("/", () => {
      throw new ApiError(401, "unauthorized", "a key is needed", { "WWW-Authenticate": "Bearer" });
    });
    app.onError(handleError);
    const response = await app.request("/");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    expect(await response.json()).toEqual({ error: { code: "unauthorized", message: "a key is needed" } });
  });
});
