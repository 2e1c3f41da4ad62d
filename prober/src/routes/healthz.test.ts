import { describe, expect, it } from "vitest";
import { createProberApp } from "../app";
import { ProbeRefused } from "../probe/admission";
import { createBlockReplyWindow } from "../doctor/block-replies";
import type { ProbeService } from "../probe/service";

const idle: ProbeService = {
  probe: async () => {
    throw new ProbeRefused("full");
  },
  inFlight: 0,
  stopping: false,
  blockReplies: createBlockReplyWindow(),
  shutdown: async () => {},
};

describe("GET /healthz", () => {
  it("needs no signature and reveals nothing", async () => {
    const response = await createProberApp({ secrets: ["prober-test-key-0123456789abcdef"], host: "prober", service: idle }).request("/healthz");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("leaves unknown routes 404 in the API's error shape", async () => {
    const response = await createProberApp({ secrets: ["prober-test-key-0123456789abcdef"], host: "prober", service: idle }).request("/nothing");
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
