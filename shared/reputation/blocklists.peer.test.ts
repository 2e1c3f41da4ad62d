import { describe, expect, inject, it } from "vitest";
import { createDohResolver } from "../dns";
import type {} from "../dns/testing/provided-context";
import { checkDomainBlocklists } from "./check-domain-blocklists";
import { checkIpBlocklists } from "./check-ip-blocklists";

const peer = inject("dnsPeerUrl");

/** The block lists as the local DNS peer serves them (infra/local/dns/spamhaus.org.zone and beside it). */
describe.skipIf(peer === null)("block lists against the local DNS peer", () => {
  const resolver = createDohResolver({ upstreams: [peer!] });
  const byList = async (ip: string, options = {}) => Object.fromEntries((await checkIpBlocklists(ip, resolver, options)).map((check) => [check.list, check]));

  it("finds a clean address on no list", async () => {
    const checks = await checkIpBlocklists("192.0.2.10", resolver);
    expect(checks.map((check) => check.list)).toEqual(["spamhaus-zen", "barracuda", "spamcop", "psbl", "mailspike", "dronebl"]);
    expect(checks.every((check) => check.status === "not_listed")).toBe(true);
  });

  it("reads ZEN's SBL, XBL and PBL codes, and SpamCop's listing", async () => {
    expect((await byList("192.0.2.11"))["spamhaus-zen"]).toMatchObject({ status: "listed", codes: ["127.0.0.2"], meaning: expect.stringMatching(/^SBL/) });
    const both = await byList("192.0.2.12");
    expect(both["spamhaus-zen"]?.status).toBe("listed");
    expect(both["spamhaus-zen"]?.meaning).toMatch(/XBL.*PBL/);
    expect(both.spamcop?.status).toBe("listed");
  });

  it("reads Spamhaus's error answers as could not ask, never listed", async () => {
    for (const ip of ["192.0.2.13", "192.0.2.14", "192.0.2.15", "192.0.2.17"]) expect((await byList(ip))["spamhaus-zen"]?.status).toBe("could_not_ask");
    expect((await byList("192.0.2.14")).barracuda?.status).toBe("listed");
  });

  it("asks the DQS zone with a key, and never shows the key", async () => {
    const zen = (await byList("192.0.2.13", { spamhausDqsKey: "mailvetdqstest" }))["spamhaus-zen"];
    expect(zen).toMatchObject({ status: "listed", zone: "zen.dq.spamhaus.net" });
    expect(JSON.stringify(zen)).not.toContain("mailvetdqstest");
  });

  it("asks IPv6-capable lists about IPv6 by nibbles", async () => {
    const checks = await checkIpBlocklists("2001:db8::25", resolver);
    expect(checks.map((check) => check.list)).toEqual(["spamhaus-zen", "dronebl"]);
    expect(checks[0]).toMatchObject({ status: "listed", meaning: expect.stringMatching(/^SBL CSS/) });
  });

  it("reads PSBL, Mailspike and DroneBL listings", async () => {
    const lists = await byList("192.0.2.16");
    expect([lists.psbl?.status, lists.mailspike?.status, lists.dronebl?.meaning]).toEqual(["listed", "listed", "DroneBL: a brute-force attacker"]);
  });

  it("reads the domain lists, their listings and their refusals", async () => {
    const statuses = async (domain: string) => (await checkDomainBlocklists(domain, resolver)).map((check) => `${check.list}:${check.status}`);
    expect(await statuses("good.mailvet-rep.net")).toEqual(["spamhaus-dbl:not_listed", "surbl:not_listed", "uribl:not_listed"]);
    expect(await statuses("spammy.mailvet-rep.net")).toEqual(["spamhaus-dbl:listed", "surbl:not_listed", "uribl:listed"]);
    expect(await statuses("refused.mailvet-rep.net")).toEqual(["spamhaus-dbl:not_listed", "surbl:could_not_ask", "uribl:could_not_ask"]);
    expect(await statuses("ip-as-domain.mailvet-rep.net")).toContain("spamhaus-dbl:could_not_ask");
    expect(await statuses("public-resolver.mailvet-rep.net")).toContain("spamhaus-dbl:could_not_ask");
    const phishy = await checkDomainBlocklists("phishy.mailvet-rep.net", resolver);
    expect(phishy[1]?.meaning).toBe("SURBL: malware, SURBL: spam and abuse");
  });
});
