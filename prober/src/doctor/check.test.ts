import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DoctorCheckSchema } from "../../../shared/contract/doctor";
import { passed, problem, worstStatus } from "./check";

describe("checks", () => {
  it("are in the contract's shape, with a fix only when not passing", () => {
    expect(DoctorCheckSchema.parse(passed("ptr", "fine"))).toEqual({ id: "ptr", status: "pass", summary: "fine", fix: null });
    expect(DoctorCheckSchema.parse(problem("ptr", "fail", "no PTR", "set one", { ip: "192.0.2.1" }))).toMatchObject({
      fix: "set one",
      details: { ip: "192.0.2.1" },
    });
  });

  it("rank fail over warn over unknown over pass", () => {
    expect(worstStatus(["pass", "unknown"])).toBe("unknown");
    expect(worstStatus(["unknown", "warn", "pass"])).toBe("warn");
    expect(worstStatus(["warn", "fail", "unknown"])).toBe("fail");
    expect(worstStatus([])).toBe("pass");
    const status = fc.constantFrom("pass", "warn", "fail", "unknown" as const);
    fc.assert(fc.property(fc.array(status), (statuses) => statuses.includes(worstStatus(statuses)) || statuses.length === 0));
  });
});
