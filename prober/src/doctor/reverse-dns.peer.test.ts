import { describe, expect, inject, it } from "vitest";
import { createDohResolver, createMemoryCache } from "../../../shared/dns";
import type {} from "../../../shared/dns/testing/provided-context";
import { checkHelo } from "./helo-name";
import { checkReverseDns } from "./reverse-dns";

const peer = inject("dnsPeerUrl");

/** Against the local DNS peer's reverse zones (infra/local/dns/127.in-addr.arpa.zone, ip6.arpa.zone). */
describe.skipIf(peer === null)("checkReverseDns", () => {
  const resolver = createDohResolver({ upstreams: [peer!], cache: createMemoryCache() });

  it("passes a PTR that resolves back to the address, IPv4 and IPv6", async () => {
    expect(await checkReverseDns("127.0.0.1", resolver)).toEqual({
      name: "probe.mailvet-doctor.net",
      check: {
        id: "ptr",
        status: "pass",
        summary: "127.0.0.1 has the PTR name probe.mailvet-doctor.net, which resolves back to it (forward-confirmed).",
        fix: null,
        details: { ip: "127.0.0.1", name: "probe.mailvet-doctor.net" },
      },
    });
    expect((await checkReverseDns("::1", resolver)).check.status).toBe("pass");
  });

  it("fails an address without a PTR record, and says who sets one", async () => {
    const { check, name } = await checkReverseDns("127.0.0.61", resolver);
    expect(name).toBeNull();
    expect(check).toMatchObject({ status: "fail", summary: "127.0.0.61 has no PTR record (reverse DNS); most servers refuse mail from such addresses." });
    expect(check.fix).toMatch(/^Ask whoever gives you 127\.0\.0\.61 .* set its PTR record to your HELO name/);
  });

  it("fails a PTR name that does not point back", async () => {
    const { check } = await checkReverseDns("127.0.0.60", resolver);
    expect(check.status).toBe("fail");
    expect(check.summary).toBe(
      "127.0.0.60 has the PTR name unconfirmed.mailvet-doctor.net, but it resolves to 127.0.0.99: the reverse DNS is not forward-confirmed.",
    );
  });

  it("leaves a generic PTR name to the helo check, which fails it", async () => {
    const { check, name } = await checkReverseDns("127.0.0.62", resolver);
    expect(check.status).toBe("pass");
    expect(checkHelo(name!, { "127.0.0.62": name }).summary).toContain("a generic ISP or cloud name");
  });

  it("is unknown, never failed, when DNS cannot be asked", async () => {
    const broken = createDohResolver({ upstreams: ["http://127.0.0.1:9/dns-query"], timeoutMs: 500, cache: createMemoryCache() });
    expect((await checkReverseDns("127.0.0.1", broken)).check.status).toBe("unknown");
  });
});
