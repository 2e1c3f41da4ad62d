import { describe, expect, it } from "vitest";
import { checkBlockReplies } from "./block-reply-check";

const gmail = { provider: "google.com", count: 3, domains: 2, sample: "421 4.7.0 very low reputation of the sending IP address" };
const farm = { provider: "mailvet-mta.net", count: 1, domains: 1, sample: "554 5.7.1 blocked using zen.spamhaus.org" };

describe("checkBlockReplies", () => {
  it("passes an hour without block replies", () => {
    expect(checkBlockReplies([])).toMatchObject({ status: "pass", fix: null });
  });

  it("warns of one provider's blocks, and says what they were", () => {
    expect(checkBlockReplies([gmail])).toMatchObject({
      status: "warn",
      summary: '3 block replies in the last hour from google.com (3); e.g. "421 4.7.0 very low reputation of the sending IP address".',
    });
  });

  it("fails blocks from several unrelated providers", () => {
    expect(checkBlockReplies([gmail, farm])).toMatchObject({ status: "fail", details: { providers: 2, replies: 4 } });
  });
});
