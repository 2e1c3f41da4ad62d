import { describe, expect, inject, it } from "vitest";
import type {} from "../../../shared/dns/testing/provided-context";
import { createPlainDnsResolver } from "./plain-dns-resolver";

const server = inject("dnsPeerServer");

describe.skipIf(server === null)("createPlainDnsResolver (the local DNS peer's plain DNS)", () => {
  const resolver = createPlainDnsResolver(server!);

  it("answers A records, a missing name nxdomain and a name without A nodata", async () => {
    expect(await resolver.lookup("2.0.0.127.zen.spamhaus.org", "A")).toMatchObject({ kind: "records", records: [{ type: "A", address: "127.0.0.2" }] });
    expect((await resolver.lookup("1.0.0.127.zen.spamhaus.org", "A")).kind).toBe("nxdomain");
    expect((await resolver.lookup("mailvet-doctor.net", "A")).kind).toBe("nodata");
  });

  it("is a dns_error, never a rejection, when the server does not answer or the type is not A", async () => {
    expect((await createPlainDnsResolver("127.0.0.1:9").lookup("example.net", "A")).kind).toBe("dns_error");
    expect((await resolver.lookup("mailvet-doctor.net", "TXT")).kind).toBe("dns_error");
  });
});
