import { describe, expect, it } from "vitest";
import { isRoleAccount, roleKey } from "./role";

describe("isRoleAccount", () => {
  it.each([
    "info",
    "sales",
    "postmaster",
    "noreply",
    "no-reply",
    "no_reply",
    "no.reply",
    "do-not-reply",
    "donotreply",
    "support",
    "admin",
    "webmaster",
    "abuse",
    "hostmaster",
    "mailer-daemon",
    "contact",
    "billing",
    "hr",
    "it",
    "kontakt",
    "contato",
    "ventas",
    "Info",
    "SALES",
    "Support",
    "info+newsletter",
    "no-reply+x",
    "support2",
    "sales01",
    "customer.service",
    "customer-service",
    "Customer_Service",
  ])("%s is a role", (localPart) => {
    expect(isRoleAccount(localPart)).toBe(true);
  });

  it.each(["jane.doe", "john", "j.smith", "alice+info", "infos-jane", "m.d", "a-p", "h_r", "sydney", "paris", "gardner", "", "+info", "informal"])(
    "%j is not a role",
    (localPart) => {
      expect(isRoleAccount(localPart)).toBe(false);
    },
  );
});

describe("roleKey", () => {
  it("lower-cases and drops separators", () => {
    expect(roleKey("No_Reply")).toBe("noreply");
    expect(roleKey("customer.service")).toBe("customerservice");
  });
});
