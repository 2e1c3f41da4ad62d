import { SELF } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { ReputationScheduleSchema } from "../../../shared/contract/reputation";
import { runDueReputationReviews } from "../reputation/run-schedules";
import { schedulesDb } from "../reputation/schedules-db";

const dnsPeer = inject("dnsPeerUrl");

function post(body: unknown): Promise<Response> {
  return SELF.fetch("http://edge/v1/reputation/schedules", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
}

describe.skipIf(dnsPeer === null)("reputation schedules in workerd", () => {
  it("makes a schedule with its secret shown once, lists it, and deletes it", async () => {
    const response = await post({ domain: "good.mailvet-rep.net", ips: ["192.0.2.10"], webhook_url: "http://127.0.0.1:9/hook" });
    expect(response.status).toBe(201);
    const made = ReputationScheduleSchema.parse(await response.json());
    expect(made).toMatchObject({
      domain: "good.mailvet-rep.net",
      ips: ["192.0.2.10"],
      every: "daily",
      last_run_at: null,
      webhook_secret: expect.stringMatching(/^whsec_/),
    });
    const listed = (await (await SELF.fetch("http://edge/v1/reputation/schedules")).json()) as { schedules: { id: string; webhook_secret?: string }[] };
    const mine = listed.schedules.find((schedule) => schedule.id === made.id);
    expect(mine).toBeDefined();
    expect(mine?.webhook_secret).toBeUndefined();
    expect((await SELF.fetch(`http://edge/v1/reputation/schedules/${made.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await SELF.fetch(`http://edge/v1/reputation/schedules/${made.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it.each([
    [{ webhook_url: "https://example.net/hook" }, /give a domain, ips, or both/],
    [{ domain: "good.mailvet-rep.net", webhook_url: "ftp://example.net/hook" }, /webhook_url must be an http\(s\) URL/],
    [{ domain: "good.mailvet-rep.net", every: "hourly", webhook_url: "https://example.net/hook" }, /every must be daily or weekly/],
    [{ ips: ["not-an-ip"], webhook_url: "https://example.net/hook" }, /is not an IP address/],
  ])("refuses %j with the reason", async (body, reason) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: expect.stringMatching(reason) } });
  });

  it("keeps the findings untold and tries again in an hour when the webhook cannot be reached", async () => {
    const made = ReputationScheduleSchema.parse(await (await post({ ips: ["192.0.2.11"], webhook_url: "http://127.0.0.1:9/hook" })).json());
    const now = Date.now() + 1000;
    expect(await runDueReputationReviews(env, now)).not.toContain(made.id);
    const row = await schedulesDb(env).get(made.id);
    expect(row).toMatchObject({ last_status: "fail", findings: null, next_at: now + 3_600_000, last_run_at: now });
  });
});
