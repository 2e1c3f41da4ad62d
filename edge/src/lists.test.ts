import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { expect, it } from "vitest";
import { LIST_KEYS } from "./lists";

const check = async (email: string) => {
  const response = await SELF.fetch(`http://edge/v1/verify?smtp=false&email=${encodeURIComponent(email)}`);
  return (await response.json()) as { reason: string; flags: { disposable: boolean } };
};

// One isolate per test file: the first request below is this isolate's first read of KV.
it("replaces the bundled disposable list with the one stored in KV, and honours the KV allowlist", async () => {
  await env.LISTS.put(LIST_KEYS.disposable, "# our own list\nthrowaway-inbox.example-shop.net\nyopmail.com\n");
  await env.LISTS.put(LIST_KEYS.disposableAllow, "yopmail.com\n");

  expect(await check("someone@throwaway-inbox.example-shop.net")).toMatchObject({ reason: "disposable", flags: { disposable: true } });
  expect(await check("someone@eu.throwaway-inbox.example-shop.net")).toMatchObject({ reason: "disposable" });
  // On the bundled list but not on the override: the override replaces, it does not add.
  expect(await check("someone@mailinator.com")).toMatchObject({ reason: "smtp_skipped", flags: { disposable: false } });
  // On the override and the allowlist: allowed.
  expect(await check("someone@yopmail.com")).toMatchObject({ reason: "smtp_skipped", flags: { disposable: false } });
});
