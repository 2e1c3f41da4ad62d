import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, inject, it } from "vitest";
import { LIST_OVERRIDE_KEYS } from "../../shared/lists/override-keys";

const check = async (email: string) => {
  const response = await SELF.fetch(`http://edge/v1/verify?smtp=false&email=${encodeURIComponent(email)}`);
  return (await response.json()) as { reason: string; flags: { disposable: boolean } };
};

// One isolate per test file: the first request below is this isolate's first read of KV. The
// domains are the local DNS peer's, so DNS does not decide first.
it.skipIf(inject("dnsPeerUrl") === null)("replaces the bundled disposable list with the one in KV, and honours the KV allowlist", async () => {
  await env.LISTS.put(LIST_OVERRIDE_KEYS.disposable, "# our own list\nMulti-MX.mailvet-fixture.net\naaaa-only.mailvet-fixture.net\n");
  await env.LISTS.put(LIST_OVERRIDE_KEYS.disposableAllow, "aaaa-only.mailvet-fixture.net\n");

  expect(await check("someone@multi-mx.mailvet-fixture.net")).toMatchObject({ reason: "disposable", flags: { disposable: true } });
  // On the bundled list but not on the override: the override replaces, it does not add.
  expect(await check("someone@mailinator.com")).toMatchObject({ reason: "smtp_skipped", flags: { disposable: false } });
  // On the override and on the allowlist: allowed.
  expect(await check("someone@aaaa-only.mailvet-fixture.net")).toMatchObject({ reason: "smtp_skipped", flags: { disposable: false } });
});
