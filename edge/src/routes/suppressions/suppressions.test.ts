import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { VerifyResultSchema } from "../../../../shared/contract/schemas";
import { createApp } from "../../app";
import { recordBounces } from "../../suppressions/store";

const app = createApp();
const KEYS = { alice: "alice-key-0123456789abcdef", bob: "bob-key-0123456789abcdefgh", ops: "ops-key-0123456789abcdefgh", check: "check-key-0123456789abcdef" };
const keyedEnv = {
  ...env,
  MAILVET_API_KEYS: JSON.stringify([
    { id: "alice", key: KEYS.alice, scopes: ["verify", "jobs"] },
    { id: "bob", key: KEYS.bob, scopes: ["verify", "jobs"] },
    { id: "ops", key: KEYS.ops, scopes: ["admin"] },
    { id: "check", key: KEYS.check, scopes: ["verify"] },
  ]),
};

const call = (key: string, path: string, init: RequestInit = {}) =>
  app.fetch(
    new Request(`http://edge${path}`, { ...init, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } }),
    keyedEnv,
    createExecutionContext(),
  );
const put = (key: string, address: string, body: unknown) =>
  call(key, `/v1/suppressions/${encodeURIComponent(address)}`, { method: "PUT", body: JSON.stringify(body) });
const unique = () => `u${crypto.randomUUID().slice(0, 8)}`;

describe("/v1/suppressions", () => {
  it("puts, reads, lists, exports and removes an entry, matching any case of the address", async () => {
    const local = unique();
    const response = await put(KEYS.alice, `${local}@Shop-Example.net`, { kind: "hard", reason: "user_unknown", status: "5.1.1" });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await response.json()).toMatchObject({ address: `${local}@shop-example.net`, kind: "hard", source: "manual", count: 1 });
    expect(await (await call(KEYS.alice, `/v1/suppressions/${local.toUpperCase()}@shop-example.net`)).json()).toMatchObject({ kind: "hard" });
    const page = (await (await call(KEYS.alice, "/v1/suppressions?kind=hard&limit=1000")).json()) as { entries: { address: string }[] };
    expect(page.entries.map(({ address }) => address)).toContain(`${local}@shop-example.net`);
    const bytes = new Uint8Array(await (await call(KEYS.alice, "/v1/suppressions.csv")).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(csv.split("\r\n")[0]).toBe("address,kind,reason,status,diagnostic,source,first_seen,last_seen,count");
    expect(csv).toContain(`${local}@shop-example.net,hard,user_unknown,5.1.1,,manual,`);
    expect((await call(KEYS.alice, `/v1/suppressions/${local}@shop-example.net`, { method: "DELETE" })).status).toBe(204);
    expect((await call(KEYS.alice, `/v1/suppressions/${local}@shop-example.net`)).status).toBe(404);
    expect((await call(KEYS.alice, `/v1/suppressions/${local}@shop-example.net`, { method: "DELETE" })).status).toBe(404);
  });

  it("neutralises a formula in the CSV export", async () => {
    const address = `${unique()}@shop-example.net`;
    await put(KEYS.alice, address, { kind: "soft", reason: "mailbox_full", diagnostic: "=HYPERLINK(1)" });
    expect(await (await call(KEYS.alice, "/v1/suppressions.csv?kind=soft")).text()).toContain(`${address},soft,mailbox_full,,'=HYPERLINK(1),manual`);
  });

  it("keeps owners apart, lets an admin name any owner, and refuses the owner parameter to others", async () => {
    const address = `${unique()}@shop-example.net`;
    await put(KEYS.alice, address, { kind: "complaint", reason: "complaint" });
    expect((await call(KEYS.bob, `/v1/suppressions/${address}`)).status).toBe(404);
    expect((await call(KEYS.bob, `/v1/suppressions/${address}?owner=key:alice`)).status).toBe(403);
    expect((await call(KEYS.ops, `/v1/suppressions/${address}?owner=key:alice`)).status).toBe(200);
    expect((await call(KEYS.check, "/v1/suppressions")).status).toBe(403);
  });

  it("answers bad input 400 with a reason, never a 500", async () => {
    for (const [path, init] of [
      ["/v1/suppressions/not-an-address", {}],
      [`/v1/suppressions/${"a".repeat(1001)}`, {}],
      ["/v1/suppressions?kind=bouncy", {}],
      ["/v1/suppressions?limit=0", {}],
      ["/v1/suppressions?limit=abc", {}],
      ["/v1/suppressions", { method: "DELETE" }],
      ["/v1/suppressions/a@shop-example.net", { method: "PUT", body: "{" }],
      ["/v1/suppressions/a@shop-example.net", { method: "PUT", body: JSON.stringify({ kind: "hard", reason: "Robert'); DROP TABLE" }) }],
      ["/v1/suppressions/a@shop-example.net", { method: "PUT", body: JSON.stringify({ kind: "hard", reason: "user_unknown", status: "550" }) }],
      ["/v1/suppressions/nobody", { method: "PUT", body: JSON.stringify({ kind: "hard", reason: "user_unknown" }) }],
    ] as const) {
      const response = await call(KEYS.alice, path, init);
      expect(response.status, `${init.method ?? "GET"} ${path}`).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toBeTruthy();
    }
  });

  it("empties one kind or the whole list only when asked to", async () => {
    const owner = "key:bob";
    await recordBounces(
      env.JOBS_DB,
      owner,
      [
        {
          recipient: `${unique()}@shop-example.net`,
          kind: "soft",
          reason: "mailbox_full",
          status: "4.2.2",
          diagnostic: null,
          source: "csv",
          at: new Date().toISOString(),
        },
      ],
      new Date(),
    );
    expect(await (await call(KEYS.bob, "/v1/suppressions?kind=soft", { method: "DELETE" })).json()).toEqual({ removed: 1 });
    await put(KEYS.bob, `${unique()}@shop-example.net`, { kind: "hard", reason: "user_unknown" });
    expect(((await (await call(KEYS.bob, "/v1/suppressions?all=true", { method: "DELETE" })).json()) as { removed: number }).removed).toBeGreaterThan(0);
    expect(await (await call(KEYS.bob, "/v1/suppressions")).json()).toEqual({ entries: [], next: null });
  });
});

describe("/v1/verify and the caller's list", () => {
  it("answers a hard bounce undeliverable/bounced and a complaint complained, for that owner only, until removed", async () => {
    const hard = `${unique()}@shop-example.net`;
    const complaint = `${unique()}@shop-example.net`;
    await put(KEYS.alice, hard, { kind: "hard", reason: "user_unknown", status: "5.1.1" });
    await put(KEYS.alice, complaint, { kind: "complaint", reason: "complaint" });
    const verify = async (key: string, address: string) => VerifyResultSchema.parse(await (await call(key, `/v1/verify?email=${address}&smtp=false`)).json());
    expect(await verify(KEYS.alice, hard)).toMatchObject({
      verdict: "undeliverable",
      reason: "bounced",
      score: 0,
      bounce: { kind: "hard", reason: "user_unknown", status: "5.1.1", source: "manual" },
    });
    expect(await verify(KEYS.alice, complaint)).toMatchObject({ verdict: "undeliverable", reason: "complained", bounce: { kind: "complaint" } });
    const normal = await verify(KEYS.bob, hard);
    expect(normal).toMatchObject({ bounce: null });
    expect(normal.reason).not.toBe("bounced");
    await call(KEYS.alice, `/v1/suppressions/${hard}`, { method: "DELETE" });
    expect(await verify(KEYS.alice, hard)).toMatchObject({ verdict: normal.verdict, reason: normal.reason, bounce: null });
  });

  it("flags a soft bounce with when to send again, without changing the verdict", async () => {
    const soft = `${unique()}@shop-example.net`;
    await put(KEYS.alice, soft, { kind: "soft", reason: "mailbox_full" });
    const result = VerifyResultSchema.parse(await (await call(KEYS.alice, `/v1/verify?email=${soft}&smtp=false`)).json());
    const normal = VerifyResultSchema.parse(await (await call(KEYS.bob, `/v1/verify?email=${soft}&smtp=false`)).json());
    expect(result).toMatchObject({ verdict: normal.verdict, reason: normal.reason, score: normal.score, bounce: { kind: "soft", reason: "mailbox_full" } });
    expect(Date.parse(result.bounce!.retry_after!)).toBeGreaterThan(Date.parse(result.bounce!.at));
  });
});
