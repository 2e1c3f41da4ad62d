import { describe, expect, it } from "vitest";
import { boundTtl, DEFAULT_TTL_BOUNDS } from "./ttl-bounds";

describe("boundTtl", () => {
  const bounds = { positive: { floor: 30, ceiling: 3600 }, negative: { floor: 10, ceiling: 900 } };

  it("keeps positive TTLs within the positive range", () => {
    expect(boundTtl({ kind: "records", records: [], ttl: 0 }, bounds).ttl).toBe(30);
    expect(boundTtl({ kind: "records", records: [], ttl: 300 }, bounds).ttl).toBe(300);
    expect(boundTtl({ kind: "records", records: [], ttl: 604800 }, bounds).ttl).toBe(3600);
  });

  it("keeps negative TTLs within the negative range", () => {
    expect(boundTtl({ kind: "nxdomain", ttl: 0 }, bounds).ttl).toBe(10);
    expect(boundTtl({ kind: "nodata", ttl: 86400 }, bounds).ttl).toBe(900);
  });

  it("leaves errors alone", () => {
    expect(boundTtl({ kind: "dns_error", detail: "x" }, DEFAULT_TTL_BOUNDS)).toEqual({ kind: "dns_error", detail: "x" });
  });
});
