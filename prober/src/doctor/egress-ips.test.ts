import { describe, expect, it } from "vitest";
import { egressIps } from "./egress-ips";

describe("egressIps", () => {
  it("takes the configured addresses, by family", () => {
    const egress = egressIps({ configured: ["192.0.2.25", "2001:db8::25"], discovered: "192.0.2.25", allowPrivate: false });
    expect(egress).toMatchObject({
      ipv4: ["192.0.2.25"],
      ipv6: ["2001:db8::25"],
      check: { status: "pass", summary: "The prober sends from 192.0.2.25, 2001:db8::25 (MAILVET_EGRESS_IPS)." },
    });
  });

  it("warns when the canary saw an address the configuration does not list", () => {
    const { check } = egressIps({ configured: ["192.0.2.25"], discovered: "5.9.10.20", allowPrivate: false });
    expect(check).toMatchObject({ status: "warn", fix: "Add 5.9.10.20 to MAILVET_EGRESS_IPS, or check the machine's routes." });
  });

  it("uses the discovered address when none is configured", () => {
    expect(egressIps({ configured: [], discovered: "2a01:4f8::7", allowPrivate: false })).toMatchObject({
      ipv4: [],
      ipv6: ["2a01:4f8::7"],
      check: { status: "pass" },
    });
  });

  it("warns of NAT for a private discovered address, unless private targets are allowed", () => {
    expect(egressIps({ configured: [], discovered: "10.0.0.5", allowPrivate: false })).toMatchObject({
      ipv4: [],
      check: { status: "warn", summary: expect.stringContaining("NAT") },
    });
    expect(egressIps({ configured: [], discovered: "127.0.0.1", allowPrivate: true })).toMatchObject({ ipv4: ["127.0.0.1"], check: { status: "pass" } });
  });

  it("is unknown with nothing configured or discovered", () => {
    expect(egressIps({ configured: [], discovered: null, allowPrivate: false }).check).toMatchObject({
      status: "unknown",
      fix: expect.stringContaining("MAILVET_EGRESS_IPS"),
    });
  });
});
