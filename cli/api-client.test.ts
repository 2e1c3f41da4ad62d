import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { apiError, MailvetApi } from "./api-client";
import { CliError, EXIT } from "./exit-codes";

const errorBody = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe("apiError", () => {
  it.each([
    [400, "invalid_request", EXIT.input],
    [404, "not_found", EXIT.input],
    [411, "invalid_request", EXIT.input],
    [413, "payload_too_large", EXIT.input],
    [409, "not_ready", EXIT.api],
    [500, "internal", EXIT.api],
  ])("maps %i %s to exit %i, quoting the API's message", async (status, code, exitCode) => {
    const error = await apiError(new Response(errorBody(code, "what went wrong"), { status }));
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({ exitCode, message: `the API answered ${status} ${code}: what went wrong` });
  });

  it("blames the key for a 401", async () => {
    const error = await apiError(new Response(errorBody("unauthorized", "a bearer key is required"), { status: 401 }));
    expect(error).toMatchObject({ exitCode: EXIT.api, transient: false, message: expect.stringMatching(/refused the key .*401 unauthorized/) });
  });

  it("marks overload and server failures as worth another try, and nothing else", async () => {
    expect((await apiError(new Response("", { status: 429 }))).transient).toBe(true);
    expect((await apiError(new Response("", { status: 503 }))).transient).toBe(true);
    expect((await apiError(new Response("", { status: 400 }))).transient).toBe(false);
  });

  it("falls back to the status line when the body is not the API's", async () => {
    const error = await apiError(new Response("<html>Bad Gateway</html>", { status: 502, statusText: "Bad Gateway" }));
    expect(error.message).toBe("the API answered 502 Bad Gateway");
  });
});

describe("MailvetApi", () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  /** A local HTTP server standing in for the API's failures, which the real edge cannot be made to produce. */
  async function serve(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<string> {
    const server = createServer(handler).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    close = () => server.close();
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it("sends the key as a bearer token and the options as the API names them", async () => {
    let seen: IncomingMessage | undefined;
    const url = await serve((request, response) => {
      seen = request;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ verdict: "unknown" }));
    });
    const api = new MailvetApi({ url, key: "secret" }, new AbortController().signal);
    await api.verify("ann+x@example.org", { smtp: false, timeoutMs: 2000 });
    expect(seen?.url).toBe("/v1/verify?email=ann%2Bx%40example.org&smtp=false&timeout_ms=2000");
    expect(seen?.headers.authorization).toBe("Bearer secret");
  });

  it("asks for the kept verdicts' rows only, or every row", async () => {
    const urls: string[] = [];
    const url = await serve((request, response) => {
      urls.push(request.url!);
      response.end("email\n");
    });
    const api = new MailvetApi({ url, key: undefined }, new AbortController().signal);
    await (await api.results("j1", { format: "xlsx", keep: ["deliverable", "risky"] })).cancel();
    await (await api.results("j1", { format: "csv", keep: "all" })).cancel();
    expect(urls).toEqual(["/v1/jobs/j1/results?format=xlsx&verdicts=deliverable%2Crisky", "/v1/jobs/j1/results?format=csv"]);
  });

  it("says it cannot reach an API where nothing listens, as worth another try", async () => {
    const url = await serve(() => {});
    close!();
    close = undefined;
    const error = await new MailvetApi({ url, key: undefined }, new AbortController().signal).jobStatus("j1").catch((error: unknown) => error);
    expect(error).toMatchObject({ exitCode: EXIT.api, transient: true, message: expect.stringMatching(/cannot reach the API at .*ECONNREFUSED/) });
  });

  it("refuses an answer that is not JSON", async () => {
    const url = await serve((_, response) => response.end("<html></html>"));
    await expect(new MailvetApi({ url, key: undefined }, new AbortController().signal).jobStatus("j1")).rejects.toMatchObject({
      exitCode: EXIT.api,
      message: expect.stringMatching(/not JSON/),
    });
  });

  it("lets Ctrl-C through as it is", async () => {
    const url = await serve(() => {});
    const interrupt = new AbortController();
    const pending = new MailvetApi({ url, key: undefined }, interrupt.signal).jobStatus("j1");
    interrupt.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });
});
