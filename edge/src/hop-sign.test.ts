import { describe, expect, it } from "vitest";
import { createNonceStore, signRequest, verifySignedRequest } from "../../shared/hop";

// The edge signs in workerd and the prober verifies in Node; here both run in workerd, to show
// the hop needs nothing but Web Crypto.
const SECRETS = ["workerd-hop-key-0123456789abcdef"];

describe("the signed hop in workerd", () => {
  it("signs a probe request that the verifier accepts once", async () => {
    const body = JSON.stringify({ email: "someone@example.net" });
    const signed = await signRequest(new Request("http://prober/v1/probe", { method: "POST", body }), SECRETS);
    const nonces = createNonceStore();
    const replay = signed.clone();
    expect(new TextDecoder().decode(await verifySignedRequest(signed, { secrets: SECRETS, host: "prober", nonces }))).toBe(body);
    await expect(verifySignedRequest(replay, { secrets: SECRETS, host: "prober", nonces })).rejects.toMatchObject({ status: 401 });
  });

  it("refuses a request signed with another key", async () => {
    const signed = await signRequest(new Request("http://prober/v1/probe", { method: "POST", body: "{}" }), ["another-key-0123456789abcdef"]);
    await expect(verifySignedRequest(signed, { secrets: SECRETS, host: "prober", nonces: createNonceStore() })).rejects.toMatchObject({ status: 401 });
  });
});
