import { describe, expect, it } from "vitest";
import { createEgressPolicy } from "./egress";

describe("createEgressPolicy", () => {
  it("refuses private targets by default and pins the port", () => {
    const egress = createEgressPolicy({ smtpPort: 2525, allowPrivateTargets: false });
    expect(egress.port).toBe(2525);
    expect(egress.refusal("127.0.0.1")).toBe("loopback");
    expect(egress.refusal("8.8.8.8")).toBeNull();
  });

  it("allows private targets when told to, but still only IP addresses", () => {
    const egress = createEgressPolicy({ smtpPort: 25, allowPrivateTargets: true });
    expect(egress.refusal("127.0.0.1")).toBeNull();
    expect(egress.refusal("::1")).toBeNull();
    expect(egress.refusal("localhost")).toBe("not an IP address");
  });

  it("connects from the source address it is given, to servers of that address's family only", () => {
    const egress = createEgressPolicy({ smtpPort: 25, allowPrivateTargets: false, sourceIp: "192.0.2.7" });
    expect(egress.sourceFor("198.51.100.1")).toBe("192.0.2.7");
    expect(egress.sourceFor("2001:db8::1")).toBeUndefined();
    expect(createEgressPolicy({ smtpPort: 25, allowPrivateTargets: false }).sourceFor("198.51.100.1")).toBeUndefined();
  });
});
