import { createExecutionContext, SELF, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { type VerifyResult, VerifyResultSchema } from "../../../shared/contract/schemas";
import { createApp } from "../app";

const dnsPeer = inject("dnsPeerUrl");
const stubs = inject("stubUpstreamsUrl");
const fixture = (name: string) => `someone@${name}.mailvet-fixture.net`;

async function verify(email: string, dohUrl?: string): Promise<VerifyResult> {
  const request = new Request(`http://edge/v1/verify?smtp=false&email=${encodeURIComponent(email)}`);
  let response: Response;
  if (dohUrl === undefined) response = await SELF.fetch(request);
  else {
    const context = createExecutionContext();
    response = await createApp().fetch(request, { ...env, MAILVET_DOH_URL: dohUrl }, context);
    await waitOnExecutionContext(context);
  }
  expect(response.status).toBe(200);
  return VerifyResultSchema.parse(await response.json());
}

describe.skipIf(dnsPeer === null)("domain verdicts from DNS, in workerd against the local DoH peer", () => {
  it.each([
    ["NXDOMAIN", fixture("nope"), "undeliverable", "invalid_domain"],
    ["null MX (RFC 7505), even with an A record", fixture("null-mx"), "undeliverable", "no_mail_server"],
    ["no MX and no address", fixture("no-mail"), "undeliverable", "no_mail_server"],
    ["MX hosts that do not resolve", fixture("dead-mx"), "undeliverable", "no_mail_server"],
    ["SERVFAIL", fixture("servfail"), "unknown", "dns_error"],
    ["one MX host SERVFAILs, the other does not resolve", fixture("servfail-mx"), "unknown", "dns_error"],
    ["MX records", fixture("multi-mx"), "unknown", "smtp_skipped"],
  ])("%s → %s/%s", async (_, email, verdict, reason) => {
    expect(await verify(email)).toMatchObject({ verdict, reason });
  });

  it("lists MX hosts sorted by preference, through CNAME chains", async () => {
    const result = await verify(fixture("cname-mx"));
    expect(result.domain?.mx).toEqual([
      { host: "mx1.multi-mx.mailvet-fixture.net", preference: 10 },
      { host: "mx2.multi-mx.mailvet-fixture.net", preference: 20 },
      { host: "mx3.multi-mx.mailvet-fixture.net", preference: 30 },
    ]);
  });

  it("keeps only the MX hosts that resolve", async () => {
    const result = await verify(fixture("half-dead-mx"));
    expect(result.reason).toBe("smtp_skipped");
    expect(result.domain?.mx.length).toBe(1);
  });

  it("treats an address record without MX as the implicit MX (RFC 5321 §5.1)", async () => {
    for (const name of ["a-only", "aaaa-only"]) {
      const result = await verify(fixture(name));
      expect(result).toMatchObject({ reason: "smtp_skipped", domain: { mx: [{ host: `${name}.mailvet-fixture.net`, preference: 0 }] } });
    }
  });

  it("looks up an IDN domain by its A-labels", async () => {
    const result = await verify("jürgen@bücher.mailvet-fixture.net");
    expect(result).toMatchObject({ reason: "smtp_skipped", domain: { name: "bücher.mailvet-fixture.net", ascii: "xn--bcher-kva.mailvet-fixture.net" } });
  });

  // Answers are cached whatever upstream gave them, so these ask names never asked before.
  const unseen = () => `someone@unseen-${crypto.randomUUID()}.mailvet-fixture.net`;

  it("fails over to the next upstream when one answers garbage or hangs", async () => {
    // The peer's NXDOMAIN can only come from the second upstream.
    expect(await verify(unseen(), `${stubs}/garbage,${dnsPeer}`)).toMatchObject({ reason: "invalid_domain" });
    expect(await verify(unseen(), `${stubs}/hang,${dnsPeer}`)).toMatchObject({ reason: "invalid_domain" });
  });

  it("never calls a domain dead because every resolver failed", async () => {
    expect(await verify(unseen(), `${stubs}/garbage,${stubs}/http-error`)).toMatchObject({ verdict: "unknown", reason: "dns_error" });
    expect(await verify(unseen(), "http://127.0.0.1:9/dns-query")).toMatchObject({ verdict: "unknown", reason: "dns_error" });
  });
});
