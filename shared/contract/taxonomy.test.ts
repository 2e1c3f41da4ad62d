import { describe, expect, it } from "vitest";
import { decide, REASONS, REASONS_BY_VERDICT, VERDICTS, verdictOf } from "./taxonomy";

describe("taxonomy", () => {
  it("gives every reason exactly one verdict", () => {
    expect(new Set(REASONS).size).toBe(REASONS.length);
    for (const verdict of VERDICTS) {
      for (const reason of REASONS_BY_VERDICT[verdict]) expect(verdictOf(reason)).toBe(verdict);
    }
  });

  it("decides by the contract's precedence: undeliverable, risky, deliverable, unknown", () => {
    expect(decide(["smtp_skipped", "accepted"])).toBe("accepted");
    expect(decide(["accepted", "disposable"])).toBe("disposable");
    expect(decide(["disposable", "mailbox_not_found"])).toBe("mailbox_not_found");
    expect(decide(["dns_error", "smtp_skipped"])).toBe("dns_error");
    expect(decide([])).toBeUndefined();
  });
});
