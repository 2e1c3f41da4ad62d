import { describe, expect, inject, it } from "vitest";
import { createDohResolver, createMemoryCache } from "../../../shared/dns";
import type {} from "../../../shared/dns/testing/provided-context";
import { createEgressPolicy } from "./egress";
import { fakeResolver } from "./testing/fake-resolver";
import { orderMxHosts, planMxWalk } from "./walk-plan";

const strict = createEgressPolicy({ smtpPort: 25, allowPrivateTargets: false });
const lenient = createEgressPolicy({ smtpPort: 25, allowPrivateTargets: true });
const open = () => new AbortController().signal;
const connects = (steps: readonly { kind: string; host: string; ip?: string }[]) =>
  steps.map((step) => (step.kind === "connect" ? `${step.host} ${step.ip}` : `${step.kind} ${step.host}`));

describe("orderMxHosts", () => {
  it("orders by preference, each host once at its best preference", () => {
    const mx = [
      { host: "c.example", preference: 30 },
      { host: "A.example.", preference: 10 },
      { host: "b.example", preference: 20 },
      { host: "a.example", preference: 40 },
    ];
    expect(orderMxHosts(mx).map(({ host }) => host)).toEqual(["a.example", "b.example", "c.example"]);
  });

  it("puts hosts of equal preference in random order", () => {
    const mx = [
      { host: "a.example", preference: 10 },
      { host: "b.example", preference: 10 },
    ];
    let calls = 0;
    expect(orderMxHosts(mx, () => calls++ % 2).map(({ host }) => host)).toEqual(["a.example", "b.example"]);
    expect(orderMxHosts(mx, () => 1 - (calls++ % 2)).map(({ host }) => host)).toEqual(["b.example", "a.example"]);
  });
});

describe("planMxWalk", () => {
  it("lists each host's IPv4 addresses before its IPv6 ones, host by host", async () => {
    const resolver = fakeResolver({ "mx1.example": ["2606:4700::1", "8.8.8.8"], "mx2.example": ["1.1.1.1"] });
    const plan = await planMxWalk(
      [
        { host: "mx2.example", preference: 20 },
        { host: "mx1.example", preference: 10 },
      ],
      resolver,
      strict,
      open(),
    );
    expect(connects(plan.steps)).toEqual(["mx1.example 8.8.8.8", "mx1.example 2606:4700::1", "mx2.example 1.1.1.1"]);
  });

  it("leaves out addresses egress refuses, and says why", async () => {
    const resolver = fakeResolver({ "mx1.example": ["127.0.0.1", "::ffff:10.0.0.1"], "mx2.example": ["8.8.8.8"] });
    const plan = await planMxWalk(
      [
        { host: "mx1.example", preference: 10 },
        { host: "mx2.example", preference: 20 },
      ],
      resolver,
      strict,
      open(),
    );
    expect(connects(plan.steps)).toEqual(["mx2.example 8.8.8.8"]);
    expect(plan.problems).toEqual([
      { host: "mx1.example", kind: "refused", detail: "127.0.0.1 is loopback" },
      { host: "mx1.example", kind: "refused", detail: "::ffff:10.0.0.1 is IPv4-mapped: private" },
    ]);
  });

  it("tries an address shared by two hosts once", async () => {
    const resolver = fakeResolver({ "mx1.example": ["127.0.0.1"], "mx2.example": ["127.0.0.1", "127.0.0.2"] });
    const plan = await planMxWalk(
      [
        { host: "mx1.example", preference: 10 },
        { host: "mx2.example", preference: 20 },
      ],
      resolver,
      lenient,
      open(),
    );
    expect(connects(plan.steps)).toEqual(["mx1.example 127.0.0.1", "mx2.example 127.0.0.2"]);
  });

  it("reports hosts that fail to resolve or have no address", async () => {
    const resolver = fakeResolver({ "broken.example": "dns_error", "mx.example": ["127.0.0.1"] });
    const mx = [
      { host: "broken.example", preference: 10 },
      { host: "gone.example", preference: 20 },
      { host: "mx.example", preference: 30 },
    ];
    const plan = await planMxWalk(mx, resolver, lenient, open());
    expect(connects(plan.steps)).toEqual(["mx.example 127.0.0.1"]);
    expect(plan.problems.map(({ host, kind }) => `${host} ${kind}`)).toEqual(["broken.example dns_error", "gone.example no_address"]);
  });

  it("does not even resolve a host whose provider is not to be probed", async () => {
    const resolver = fakeResolver({ "mta5.am0.yahoodns.net": ["127.0.0.1"] });
    const plan = await planMxWalk([{ host: "mta5.am0.yahoodns.net", preference: 1 }], resolver, lenient, open());
    expect(connects(plan.steps)).toEqual(["assume_catch_all mta5.am0.yahoodns.net"]);
    expect(resolver.lookups).toEqual([]);
  });

  it("stops waiting for DNS at the deadline", async () => {
    const stop = new AbortController();
    const planning = planMxWalk([{ host: "slow.example", preference: 10 }], fakeResolver({ "slow.example": "hang" }), lenient, stop.signal);
    stop.abort();
    const plan = await planning;
    expect(plan.steps).toEqual([]);
    expect(plan.problems).toMatchObject([{ host: "slow.example", kind: "dns_error" }]);
  });

  it.skipIf(!inject("dnsPeerUrl"))("resolves MX hosts through the real DoH resolver (local DNS peer)", async () => {
    const resolver = createDohResolver({ upstreams: [inject("dnsPeerUrl")!], cache: createMemoryCache() });
    const mx = [
      { host: "mx1.multi-mx.mailvet-fixture.net", preference: 10 },
      { host: "mx2.multi-mx.mailvet-fixture.net", preference: 20 },
      { host: "mx3.multi-mx.mailvet-fixture.net", preference: 30 },
    ];
    const allowed = await planMxWalk(mx, resolver, lenient, open());
    expect(connects(allowed.steps)).toEqual([
      "mx1.multi-mx.mailvet-fixture.net 127.0.0.11",
      "mx2.multi-mx.mailvet-fixture.net 127.0.0.12",
      "mx2.multi-mx.mailvet-fixture.net ::1",
    ]);
    const refused = await planMxWalk(mx, resolver, strict, open());
    expect(refused.steps).toEqual([]);
    expect(refused.problems.map(({ detail }) => detail)).toEqual(["127.0.0.11 is loopback", "127.0.0.12 is loopback", "::1 is loopback", "::1 is loopback"]);
  });
});
