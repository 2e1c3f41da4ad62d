import { SELF } from "cloudflare:test";
import { afterEach, describe, expect, it, type MockInstance, vi } from "vitest";

afterEach(() => {
  vi.restoreAllMocks();
});

/** The JSON request lines the edge logged. */
function requestLines(log: MockInstance<typeof console.log>): Record<string, unknown>[] {
  return log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>).filter((entry) => entry.msg === "request");
}

describe("logRequests", () => {
  it("answers with the caller's X-Request-Id and logs the request under it, without the query", async () => {
    const log = vi.spyOn(console, "log");
    const response = await SELF.fetch("http://edge/v1/verify?email=alice.secret@example.org&smtp=false", { headers: { "X-Request-Id": "trace-123" } });
    expect(response.headers.get("X-Request-Id")).toBe("trace-123");
    const [line] = requestLines(log).filter((entry) => entry.request_id === "trace-123");
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/v1/verify", status: 200 });
    expect(JSON.stringify(log.mock.calls)).not.toContain("alice.secret");
  });

  it("makes an id when the caller gives none or a malformed one, on every route, errors included", async () => {
    const response = await SELF.fetch("http://edge/no-such-route", { headers: { "X-Request-Id": "not ok\u0001" } });
    expect(response.status).toBe(404);
    expect(response.headers.get("X-Request-Id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
