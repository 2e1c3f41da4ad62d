import { describe, expect, it } from "vitest";
import { listZones } from "./spamhaus-dqs";

describe("listZones", () => {
  it("asks Spamhaus's DQS zone with the key and shows it without", () => {
    expect(listZones("dbl.spamhaus.org", "k3y")).toEqual({ asked: "k3y.dbl.dq.spamhaus.net", shown: "dbl.dq.spamhaus.net" });
  });

  it("keeps the public zone without a key, and for other lists", () => {
    expect(listZones("zen.spamhaus.org", undefined)).toEqual({ asked: "zen.spamhaus.org", shown: "zen.spamhaus.org" });
    expect(listZones("multi.uribl.com", "k3y")).toEqual({ asked: "multi.uribl.com", shown: "multi.uribl.com" });
  });
});
