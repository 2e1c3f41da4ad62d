import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { jobCoordinator } from "../coordinator-stub";
import { reserveDomainSlot } from "./domain-pace";

describe("the pace of a domain within a job", () => {
  it("gives chunks of one domain consecutive slots at the rate, and other domains their own", async () => {
    await runInDurableObject(jobCoordinator(env, crypto.randomUUID()), (_, state) => {
      const sql = state.storage.sql;
      expect(reserveDomainSlot(sql, "a.example", 50, 5, 1_000)).toBe(1_000);
      expect(reserveDomainSlot(sql, "a.example", 50, 5, 1_000)).toBe(11_000);
      expect(reserveDomainSlot(sql, "a.example", 10, 5, 2_000)).toBe(21_000);
      expect(reserveDomainSlot(sql, "b.example", 50, 5, 2_000)).toBe(2_000);
      // A domain left alone long enough starts at once again.
      expect(reserveDomainSlot(sql, "a.example", 1, 5, 60_000)).toBe(60_000);
    });
  });
});
