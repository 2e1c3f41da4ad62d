import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { REQUEST_ID, requestIdOf } from "./request-id";

describe("requestIdOf", () => {
  it("takes the caller's X-Request-Id first, then CF-Ray", () => {
    expect(requestIdOf(new Headers({ "X-Request-Id": "job-42.step:1", "CF-Ray": "8f1e2d3c4b5a6978-AMS" }))).toBe("job-42.step:1");
    expect(requestIdOf(new Headers({ "CF-Ray": "8f1e2d3c4b5a6978-AMS" }))).toBe("8f1e2d3c4b5a6978-AMS");
  });

  it("makes a new one when none is given or the given one is not well formed", () => {
    expect(requestIdOf(new Headers())).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ "X-Request-Id": "a b\tc" }))).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdOf(new Headers({ "X-Request-Id": "x".repeat(129) }))).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("always returns a well-formed id, whatever the headers hold (fuzz)", () => {
    const headerValue = fc.string({ maxLength: 200 }).filter((value) => !/[\r\n\0]/.test(value) && value.trim() === value);
    fc.assert(
      fc.property(headerValue, headerValue, (given, ray) => {
        const headers = new Headers();
        headers.set("X-Request-Id", given);
        headers.set("CF-Ray", ray);
        return REQUEST_ID.test(requestIdOf(headers));
      }),
    );
  });
});
