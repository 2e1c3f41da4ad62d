import { describe, expect, it } from "vitest";
import { readBodyWithin } from "./read-body-within";
import { endlessBody } from "./testing/endless-body";

const LIMIT = 64 * 1024;
const post = (body: RequestInit["body"], headers: Record<string, string> = {}) =>
  new Request("http://prober/v1/probe", { method: "POST", body, headers, duplex: "half" });

describe("readBodyWithin", () => {
  it("reads a body up to and including the limit", async () => {
    expect(await readBodyWithin(post("hello"), LIMIT)).toEqual(new TextEncoder().encode("hello"));
    expect((await readBodyWithin(post(new Uint8Array(LIMIT)), LIMIT)).byteLength).toBe(LIMIT);
    expect(await readBodyWithin(new Request("http://prober/v1/probe"), LIMIT)).toEqual(new Uint8Array());
  });

  it("refuses a declared length over the limit without reading a byte", async () => {
    const { stream, reads } = endlessBody();
    await expect(readBodyWithin(post(stream, { "Content-Length": "10000000" }), LIMIT)).rejects.toMatchObject({
      status: 413,
      code: "payload_too_large",
    });
    expect(reads.pulledBytes).toBe(0);
  });

  it("stops an endless body at the first chunk past the limit, and cancels it", async () => {
    const { stream, reads } = endlessBody(16 * 1024);
    await expect(readBodyWithin(post(stream), LIMIT)).rejects.toMatchObject({ status: 413, message: `the request body is larger than ${LIMIT} bytes` });
    expect(reads.pulledBytes).toBe(LIMIT + 16 * 1024);
    await Promise.resolve();
    expect(reads.cancelled).toBe(true);
  });

  it("refuses a body one byte over", async () => {
    await expect(readBodyWithin(post(new Uint8Array(LIMIT + 1)), LIMIT)).rejects.toMatchObject({ status: 413 });
  });

  it("reads a response's body within the limit too, and says it was the response", async () => {
    expect(await readBodyWithin(new Response("hello"), LIMIT)).toEqual(new TextEncoder().encode("hello"));
    await expect(readBodyWithin(new Response(new Uint8Array(LIMIT + 1)), LIMIT)).rejects.toMatchObject({
      message: `the response body is larger than ${LIMIT} bytes`,
    });
  });
});
