import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BlockRepliesSchema } from "../../../shared/contract/doctor";
import { createBlockReplyWindow, providerOf } from "./block-replies";

const GMAIL = "421 4.7.0 [192.0.2.7] Our system has detected that this message is suspicious due to the very low reputation of the sending IP address.";

describe("providerOf", () => {
  it("names a provider by the MX host's registrable domain", () => {
    expect(providerOf("gmail-smtp-in.l.google.com")).toBe("google.com");
    expect(providerOf("example-com.mail.protection.outlook.com")).toBe("outlook.com");
    expect(providerOf("mx1.mailvet-mta.net.")).toBe("mailvet-mta.net");
    expect(providerOf("mx.example.co.uk")).toBe("example.co.uk");
  });
});

describe("createBlockReplyWindow", () => {
  it("counts block replies per provider, with distinct recipient domains and a sample", () => {
    const window = createBlockReplyWindow();
    window.record({ host: "gmail-smtp-in.l.google.com", domain: "gmail.com", text: GMAIL });
    window.record({ host: "alt1.gmail-smtp-in.l.google.com", domain: "customer.example", text: GMAIL });
    window.record({ host: "mx1.mailvet-mta.net", domain: "policy.mailvet-mta.net", text: "5.7.1 Service unavailable; blocked using zen.spamhaus.org" });
    expect(window.counts()).toEqual([
      { provider: "google.com", count: 2, domains: 2, sample: GMAIL },
      { provider: "mailvet-mta.net", count: 1, domains: 1, sample: "5.7.1 Service unavailable; blocked using zen.spamhaus.org" },
    ]);
  });

  it("keeps no e-mail address in the sample", () => {
    const window = createBlockReplyWindow();
    window.record({
      host: "mx1.mailvet-mta.net",
      domain: "policy.mailvet-mta.net",
      text: "5.7.1 <alice@policy.mailvet-mta.net>: Recipient address rejected: blocked using zen.spamhaus.org",
    });
    expect(window.counts()[0]?.sample).toBe("5.7.1 <[address]>: Recipient address rejected: blocked using zen.spamhaus.org");
  });

  it("forgets replies older than the window", () => {
    let clock = 0;
    const window = createBlockReplyWindow({ windowMs: 1000, now: () => clock });
    window.record({ host: "mx1.mailvet-mta.net", domain: "a.example", text: null });
    clock = 600;
    window.record({ host: "mx1.mailvet-mta.net", domain: "b.example", text: null });
    clock = 1200;
    expect(window.counts()).toEqual([{ provider: "mailvet-mta.net", count: 1, domains: 1, sample: null }]);
    clock = 2000;
    expect(window.counts()).toEqual([]);
  });

  it("keeps at most maxReplies, the newest", () => {
    const window = createBlockReplyWindow({ maxReplies: 2 });
    for (const domain of ["a.example", "b.example", "c.example"]) window.record({ host: "mx.example", domain, text: domain });
    expect(window.counts()).toEqual([{ provider: "mx.example", count: 2, domains: 2, sample: "c.example" }]);
  });

  it("answers in the contract's shape for any replies", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ host: fc.domain(), domain: fc.domain(), text: fc.option(fc.string({ maxLength: 600 })) }), { maxLength: 30 }),
        (replies) => {
          const window = createBlockReplyWindow();
          for (const reply of replies) window.record(reply);
          const counts = window.counts();
          for (const entry of counts) BlockRepliesSchema.parse(entry);
          return counts.reduce((sum, entry) => sum + entry.count, 0) === replies.length;
        },
      ),
    );
  });
});
