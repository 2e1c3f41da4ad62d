import { describe, expect, it } from "vitest";
import { addressKey, chunkByDomain, type PlannedAddress, planJob } from "./plan";

async function* rows(emails: string[]) {
  for (const [row, email] of emails.entries()) yield { row, cells: [email], email };
}

describe("planning a job", () => {
  it("keys a junk cell of a megabyte by its first 1,000 characters", async () => {
    const batches: PlannedAddress[][] = [];
    await planJob(rows(["j".repeat(1 << 20), `${"j".repeat(1000)}k`]), async (batch) => {
      batches.push(batch);
    });
    expect(batches.flat().map(({ key, email, rows }) => [key.length, email.length, rows])).toEqual([[1004, 1000, 2]]);
  });

  it("hands on one entry per normalized address in a batch, counting its rows", async () => {
    const batches: PlannedAddress[][] = [];
    const total = await planJob(rows(["ann@Example.NET", "ann@example.net", "junk", "junk", "bob@example.net"]), async (batch) => {
      batches.push(batch);
    });
    expect(total).toBe(5);
    expect(batches.flat().map(({ key, rows }) => [key, rows])).toEqual([
      ["ann@example.net", 2],
      [addressKey("junk"), 2],
      ["bob@example.net", 1],
    ]);
  });

  it("hands on batches as it reads, so a long list is never held whole", async () => {
    const emails = Array.from({ length: 5_000 }, (_, i) => `u${i}@example.net`);
    const sizes: number[] = [];
    expect(await planJob(rows(emails), async (batch) => void sizes.push(batch.length))).toBe(5_000);
    expect(sizes).toEqual([2_000, 2_000, 1_000]);
  });

  it("cuts addresses sorted by domain into chunks of one domain, at most the size", () => {
    const sorted = [...Array.from({ length: 5 }, (_, i) => `u${i}@a.example`), "v@b.example"].map((email) => ({
      key: email,
      email,
      domain: email.split("@")[1]!,
    }));
    expect([...chunkByDomain(sorted, 2)].map(({ domain, addresses }) => [domain, addresses.length])).toEqual([
      ["a.example", 2],
      ["a.example", 2],
      ["a.example", 1],
      ["b.example", 1],
    ]);
  });
});
