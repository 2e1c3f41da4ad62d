import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkHelo, heloNameProblem } from "./helo-name";

describe("heloNameProblem", () => {
  it.each([
    ["localhost", "localhost"],
    ["192.0.2.25", "a bare IP address"],
    ["[192.0.2.25]", "a bare IP address"],
    ["probe", "not a fully qualified domain name"],
    ["ip-10-0-0-5.ec2.internal", "a generic ISP or cloud name"],
    ["ec2-3-80-1-2.compute-1.amazonaws.com", "a generic ISP or cloud name"],
    ["25.2.0.192.bc.googleusercontent.com", "a generic ISP or cloud name"],
    ["static.25.2.0.192.clients.your-server.de", "a generic ISP or cloud name"],
    ["dsl-187-1-2-3.dynamic.example-isp.net", "a generic ISP or cloud name"],
    ["pool-71-1-2-3.nycmny.fios.verizon.net", "a generic ISP or cloud name"],
    ["gmail.com", "a name of gmail.com, which you do not own"],
    ["mx.outlook.com", "a name of outlook.com, which you do not own"],
  ])("finds %s is %s", (name, expected) => {
    expect(heloNameProblem(name)).toBe(expected);
  });

  it.each(["probe.mailvet-test.net", "probe1.example.com", "mail.mygmail-fan.org", "smtp-out.example.co.uk"])("takes %s", (name) => {
    expect(heloNameProblem(name)).toBeNull();
  });

  it("never throws on any text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => heloNameProblem(text) === null || typeof heloNameProblem(text) === "string"));
  });
});

describe("checkHelo", () => {
  it("passes a proper name that is the egress IP's PTR name", () => {
    expect(checkHelo("probe.mailvet-test.net", { "127.0.0.1": "probe.mailvet-test.net" })).toMatchObject({ status: "pass", fix: null });
  });

  it("fails a HELO name that is not the PTR name, and says both fixes", () => {
    const check = checkHelo("probe.mailvet-test.net", { "127.0.0.1": "other.mailvet-test.net" });
    expect(check.status).toBe("fail");
    expect(check.summary).toBe("The HELO name probe.mailvet-test.net is not the PTR name of 127.0.0.1 (other.mailvet-test.net).");
    expect(check.fix).toContain("set the PTR of 127.0.0.1 to probe.mailvet-test.net");
  });

  it("fails a big provider's name whatever the PTR says", () => {
    expect(checkHelo("gmail.com", { "127.0.0.1": "gmail.com" })).toMatchObject({
      status: "fail",
      summary: expect.stringContaining("gmail.com, which you do not own"),
    });
  });
});
