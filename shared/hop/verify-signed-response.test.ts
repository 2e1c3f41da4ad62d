import { describe, expect, it } from "vitest";
import { HOP_HEADERS } from "./hop-headers";
import { signResponse } from "./sign-response";
import { endlessBody } from "./testing/endless-body";
import { type HopResponseError, MAX_HOP_RESPONSE_BYTES, verifySignedResponse } from "./verify-signed-response";

const NEW_KEY = "new-hop-key-0123456789abcdef";
const OLD_KEY = "old-hop-key-0123456789abcdef";
const NONCE = "AAAAAAAAAAAAAAAAAAAAAA";
const BODY = JSON.stringify({ prober: "eu1", catch_all: false, results: [] });

const signedAnswer = (body: string | null = BODY, status = 200, secrets = [NEW_KEY]) =>
  signResponse(new Response(body, { status, headers: { "content-type": "application/json" } }), NONCE, secrets);
const verify = (response: Response, secrets = [NEW_KEY], requestNonce = NONCE) => verifySignedResponse(response, { secrets, requestNonce });
const refusedFor = (code: HopResponseError["code"]) => expect.objectContaining({ name: "HopResponseError", code });

/** The answer as it arrived, with some part of it changed on the way. */
const tampered = async (answer: Response, change: { body?: ConstructorParameters<typeof Response>[0]; status?: number; headers?: Record<string, string> }) => {
  const headers = new Headers(answer.headers);
  for (const [name, value] of Object.entries(change.headers ?? {})) headers.set(name, value);
  return new Response("body" in change ? change.body : await answer.text(), { status: change.status ?? answer.status, headers });
};

describe("verifySignedResponse", () => {
  it("accepts an answer signed for the request, and resolves to its body", async () => {
    const answer = await signedAnswer();
    expect(answer.headers.get("content-type")).toBe("application/json");
    expect(new TextDecoder().decode(await verify(answer))).toBe(BODY);
  });

  it("accepts an answer signed with the old key during a rotation", async () => {
    await expect(verify(await signedAnswer(BODY, 200, [OLD_KEY]), [NEW_KEY, OLD_KEY])).resolves.toBeDefined();
  });

  it("refuses an answer with a changed body, status or signature", async () => {
    await expect(verify(await tampered(await signedAnswer(), { body: BODY.replace("false", "true") }))).rejects.toEqual(refusedFor("bad_signature"));
    await expect(verify(await tampered(await signedAnswer(BODY, 500), { status: 200 }))).rejects.toEqual(refusedFor("bad_signature"));
    await expect(verify(await tampered(await signedAnswer(), { headers: { [HOP_HEADERS.signature]: `v2=${"A".repeat(43)}` } }))).rejects.toEqual(
      refusedFor("bad_signature"),
    );
  });

  it("refuses an answer to another request, and one signed with a key it does not have", async () => {
    await expect(verify(await signedAnswer(), [NEW_KEY], "BBBBBBBBBBBBBBBBBBBBBB")).rejects.toEqual(refusedFor("bad_signature"));
    await expect(verify(await signedAnswer(BODY, 200, ["someone-elses-key-0123456789"]))).rejects.toEqual(refusedFor("bad_signature"));
  });

  it("refuses an unsigned answer without reading its body", async () => {
    const { stream, reads } = endlessBody();
    await expect(verify(new Response(stream))).rejects.toEqual(refusedFor("unsigned"));
    expect(reads.pulledBytes).toBe(0);
    await expect(verify(await tampered(await signedAnswer(), { headers: { [HOP_HEADERS.signature]: "v1=whatever" } }))).rejects.toEqual(refusedFor("unsigned"));
  });

  it("stops reading an endless signed answer just past the limit", async () => {
    const { stream, reads } = endlessBody();
    const signature = (await signedAnswer()).headers.get(HOP_HEADERS.signature)!;
    await expect(verify(new Response(stream, { headers: { [HOP_HEADERS.signature]: signature } }))).rejects.toEqual(refusedFor("too_large"));
    expect(reads.pulledBytes).toBeLessThanOrEqual(MAX_HOP_RESPONSE_BYTES + 16 * 1024);
  });

  it("signs an answer without a body over the hash of no bytes", async () => {
    const answer = await signedAnswer(null, 204);
    expect(answer.body).toBeNull();
    await expect(verify(answer)).resolves.toEqual(new Uint8Array());
  });
});
