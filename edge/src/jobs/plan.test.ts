import { describe, expect, it } from "vitest";
import { addressKey, domainChunks, planJob } from "./plan";

async function* rows(emails: string[]) {
  for (const [row, email] of emails.entries()) yield { row, cells: [email], email };
}

describe("planning a job", () => {
  it("keeps one entry per normalized address, counting its rows", async () => {
    const { total, addresses } = await planJob(rows(["ann@Example.NET", "ann@example.net", "junk", "junk", "bob@example.net"]));
    expect(total).toBe(5);
    expect([...addresses.values()].map(({ key, rows }) => [key, rows])).toEqual([
      ["ann@example.net", 2],
      [addressKey("junk"), 2],
      ["bob@example.net", 1],
    ]);
  });

  it("groups by domain and cuts each domain into chunks of at most the size", async () => {
    const emails = [...Array.from({ length: 5 }, (_, i) => `u${i}@a.example`), "v@b.example"];
    const { addresses } = await planJob(rows(emails));
    const chunks = domainChunks("job", addresses.values(), 2);
    expect(chunks.map(({ domain, addresses: list }) => [domain, list.length])).toEqual([
      ["a.example", 2],
      ["a.example", 2],
      ["a.example", 1],
      ["b.example", 1],
    ]);
  });
});
