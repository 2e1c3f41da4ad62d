import { describe, expect, inject, it } from "vitest";
import type {} from "../../../shared/dns/testing/provided-context";
import { checkBlocklists } from "./blocklists";
import { createPlainDnsResolver } from "./plain-dns-resolver";

const server = inject("dnsPeerServer");

/** Against the block lists the local DNS peer serves (infra/local/dns/spamhaus.org.zone and beside it), through its plain DNS. */
describe.skipIf(server === null)("checkBlocklists", () => {
  const resolver = createPlainDnsResolver(server!);

  it("passes an address on no list", async () => {
    const check = await checkBlocklists("127.0.0.1", resolver, {});
    expect(check).toMatchObject({ status: "pass", summary: expect.stringMatching(/^127\.0\.0\.1 is on none of the 6 block lists asked \(Spamhaus ZEN, /) });
  });

  it("fails a listed address with the list's meaning and where to ask for removal", async () => {
    const check = await checkBlocklists("192.0.2.11", resolver, {});
    expect(check.status).toBe("fail");
    expect(check.summary).toMatch(/^192\.0\.2\.11 is listed on Spamhaus ZEN \(SBL/);
    expect(check.fix).toContain("spamhaus.org");
  });

  it("reads Spamhaus's 127.255.255.254 (public resolver) as unknown, never listed", async () => {
    const check = await checkBlocklists("192.0.2.13", resolver, {});
    expect(check.status).toBe("unknown");
    expect(check.summary).toContain("public or open resolvers");
  });

  it("asks nothing without a resolver of the operator's", async () => {
    expect(await checkBlocklists("127.0.0.1", null, {})).toMatchObject({ status: "unknown", fix: expect.stringContaining("MAILVET_BLOCKLIST_RESOLVER") });
  });
});
