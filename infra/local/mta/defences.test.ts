import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmtpReply } from "../../../prober/src/smtp/reply-reader";
import { skipWithoutMtaFarm, startMtaFarm, type MtaFarm } from "./peer";
import { openRawSmtp, type RawSmtpDialogue } from "./raw-smtp";

/**
 * The farm's Postfix keeps its stock self-protection, and some listeners tighten one defence
 * each, as real servers do (master.cf). Each test talks raw SMTP and checks what the server
 * answers, and in which order. Delays are shown by which of two sessions hears first, never
 * by a wall-clock bound.
 */

/** A session up to MAIL FROM, as a prober opens it. */
async function openSession(host: string, port: number): Promise<RawSmtpDialogue> {
  const smtp = openRawSmtp(host, port);
  expect(await smtp.greeting).toMatchObject({ code: 220 });
  expect(await smtp.send("EHLO probe.mailvet.test")).toMatchObject({ code: 250 });
  expect(await smtp.send("MAIL FROM:<probe@mailvet.test>")).toMatchObject({ code: 250 });
  return smtp;
}

/** RCPT TO for each recipient in turn; stops at the first reply that ends the session. */
async function askEach(smtp: RawSmtpDialogue, recipients: string[]): Promise<SmtpReply[]> {
  const replies: SmtpReply[] = [];
  for (const recipient of recipients) {
    const reply = await smtp.send(`RCPT TO:<${recipient}>`);
    replies.push(reply);
    if (reply.code === 421) break;
  }
  return replies;
}

/** Which of two pending replies arrives first. */
function first(racers: Record<string, Promise<unknown>>): Promise<string> {
  return Promise.race(Object.entries(racers).map(([name, racer]) => racer.then(() => name)));
}

const addresses = (count: number, localPart: string, domain: string) => Array.from({ length: count }, (_, i) => `${localPart}${i}@${domain}.mailvet-mta.net`);
const accepted = { code: 250, enhanced: "2.1.5", text: "Ok" };
const unknown = { code: 550, enhanced: "5.1.1", text: expect.stringMatching(/^<[^>]+>: Recipient address rejected: User unknown in virtual mailbox table$/) };

describe.skipIf(skipWithoutMtaFarm())("the MTA farm's defences", () => {
  let farm: MtaFarm;
  beforeAll(async () => {
    farm = await startMtaFarm({ greylistDelaySeconds: 1 });
  }, 30_000);
  afterAll(() => farm?.stop());

  it("mx1 (stock Postfix) answers 20 unknown recipients, slowing down after the 10th, and ends the session at the 21st with 421 too many errors", async () => {
    const smtp = await openSession(farm.hosts.main, farm.port);
    const replies = await askEach(smtp, addresses(21, "nobody", "ok"));
    expect(replies.slice(0, 20)).toEqual(Array(20).fill(expect.objectContaining(unknown)));
    expect(replies[20]).toMatchObject({ code: 421, enhanced: "4.7.0", text: "mx1.mailvet-mta.net Error: too many errors" });
    await smtp.closed;
  }, 30_000);

  it("mx1 sleeps before every reply once a session has made 10 errors: a fresh session asked later is answered first", async () => {
    const erring = await openSession(farm.hosts.main, farm.port);
    expect(await askEach(erring, addresses(10, "nobody", "ok"))).toEqual(Array(10).fill(expect.objectContaining(unknown)));
    const fresh = await openSession(farm.hosts.main, farm.port);
    const slowed = erring.send("RCPT TO:<alice@ok.mailvet-mta.net>");
    const prompt = fresh.send("RCPT TO:<alice@ok.mailvet-mta.net>");
    expect(await first({ slowed, prompt })).toBe("prompt");
    // The slowed reply is still the mailbox's own answer.
    expect(await slowed).toMatchObject(accepted);
    erring.close();
    fresh.close();
  });

  it("counts RSET as a junk command: past the stock 100, each one is an error", async () => {
    // On mx-errorlimit (stock but for its hard limit of 5) the session ends 5 RSETs later.
    const smtp = await openSession(farm.hosts.errorLimit, farm.port);
    const replies: SmtpReply[] = [];
    for (let n = 0; n < 110; n++) {
      const reply = await smtp.send("RSET");
      replies.push(reply);
      if (reply.code !== 250) break;
    }
    expect(replies.length).toBeGreaterThan(100);
    expect(replies.length).toBeLessThan(110);
    expect(replies.at(-1)).toMatchObject({ code: 421, enhanced: "4.7.0", text: "mx-errorlimit.mailvet-mta.net Error: too many errors" });
    await smtp.closed;
  });

  it("mx-tarpit5xx answers a known mailbox at once and holds each 550: a known one asked later is answered first", async () => {
    const [tarpitted, other] = [await openSession(farm.hosts.tarpit5xx, farm.port), await openSession(farm.hosts.tarpit5xx, farm.port)];
    const rejected = tarpitted.send("RCPT TO:<nobody@tarpit5xx.mailvet-mta.net>");
    const known = other.send("RCPT TO:<user1@tarpit5xx.mailvet-mta.net>");
    expect(await first({ rejected, known })).toBe("known");
    expect(await known).toMatchObject(accepted);
    expect(await rejected).toMatchObject(unknown);
    // In one session, every reply is the mailbox's own, in order.
    expect(await askEach(tarpitted, ["alice@tarpit5xx.mailvet-mta.net", "carol@tarpit5xx.mailvet-mta.net", "bob@tarpit5xx.mailvet-mta.net"])).toMatchObject([
      accepted,
      unknown,
      accepted,
    ]);
    tarpitted.close();
    other.close();
  }, 30_000);

  it("mx-errorlimit answers 5 unknown recipients, then 421 too many errors and a hang-up", async () => {
    const smtp = await openSession(farm.hosts.errorLimit, farm.port);
    const replies = await askEach(smtp, [...addresses(5, "nobody", "errorlimit"), "user1@errorlimit.mailvet-mta.net"]);
    expect(replies).toMatchObject([
      unknown,
      unknown,
      unknown,
      unknown,
      unknown,
      { code: 421, enhanced: "4.7.0", text: "mx-errorlimit.mailvet-mta.net Error: too many errors" },
    ]);
    await smtp.closed;
  });

  it("mx-errorlimit counts only errors: known mailboxes between them do not end the session", async () => {
    const smtp = await openSession(farm.hosts.errorLimit, farm.port);
    const recipients = addresses(4, "nobody", "errorlimit").flatMap((nobody, i) => [nobody, `user${i}@errorlimit.mailvet-mta.net`]);
    expect(await askEach(smtp, recipients)).toMatchObject(
      Array(4)
        .fill(null)
        .flatMap(() => [unknown, accepted]),
    );
    expect(await smtp.send("QUIT")).toMatchObject({ code: 221 });
  });

  it("mx-rcptcap takes 10 recipients per transaction, then 452 4.5.3; after RSET a new transaction takes more", async () => {
    const smtp = await openSession(farm.hosts.recipientCap, farm.port);
    // Unknown recipients are not taken, so they do not count towards the cap.
    const replies = await askEach(smtp, ["nobody@rcptcap.mailvet-mta.net", ...addresses(12, "user", "rcptcap")]);
    expect(replies).toMatchObject([
      unknown,
      ...Array(10).fill(accepted),
      ...Array(2).fill({ code: 452, enhanced: "4.5.3", text: "Error: too many recipients" }),
    ]);
    expect(await smtp.send("RSET")).toMatchObject({ code: 250 });
    expect(await smtp.send("MAIL FROM:<probe@mailvet.test>")).toMatchObject({ code: 250 });
    expect(await askEach(smtp, ["user11@rcptcap.mailvet-mta.net"])).toMatchObject([accepted]);
    expect(await smtp.send("QUIT")).toMatchObject({ code: 221 });
  });

  it("mx-connlimit greets one session of a client at a time; a second gets 421 for a banner and is hung up on", async () => {
    const held = openRawSmtp(farm.hosts.connectionLimit, farm.port);
    expect(await held.greeting).toMatchObject({ code: 220, text: expect.stringMatching(/^mx-connlimit\.mailvet-mta\.net /) });
    const second = openRawSmtp(farm.hosts.connectionLimit, farm.port);
    expect(await second.greeting).toMatchObject({
      code: 421,
      enhanced: "4.7.0",
      text: "mx-connlimit.mailvet-mta.net Error: too many connections from 127.0.0.1",
    });
    await second.closed;
    // Once the session ends, a new one is greeted again (anvil hears of the end a moment later).
    expect(await held.send("QUIT")).toMatchObject({ code: 221 });
    await held.closed;
    await expect
      .poll(async () => {
        const next = openRawSmtp(farm.hosts.connectionLimit, farm.port);
        const { code } = await next.greeting;
        next.close();
        await next.closed;
        return code;
      })
      .toBe(220);
  });

  it("mx-greylist-default greylists with postgrey's stock delay: still 450 after mx-greylist's short delay has let the same triplet through", async () => {
    const ask = async (host: string, recipient: string) => {
      const smtp = await openSession(host, farm.port);
      const [reply] = await askEach(smtp, [recipient]);
      smtp.close();
      return reply!;
    };
    expect(await ask(farm.hosts.greylistDefault, "alice@greylist-default.mailvet-mta.net")).toMatchObject({
      code: 450,
      enhanced: "4.2.0",
      text: "<alice@greylist-default.mailvet-mta.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/greylist-default.mailvet-mta.net.html",
    });
    expect(await ask(farm.hosts.greylist, "alice@greylist.mailvet-mta.net")).toMatchObject({ code: 450, enhanced: "4.2.0" });
    await expect.poll(async () => (await ask(farm.hosts.greylist, "alice@greylist.mailvet-mta.net")).code, { timeout: 15_000, interval: 250 }).toBe(250);
    expect(await ask(farm.hosts.greylistDefault, "alice@greylist-default.mailvet-mta.net")).toMatchObject({ code: 450, enhanced: "4.2.0" });
  }, 30_000);

  it("mx-relaxed (benchmarks only) answers any number of unknown recipients in one session", async () => {
    const smtp = await openSession(farm.hosts.relaxed, farm.port);
    const replies = await askEach(smtp, [...addresses(30, "nobody", "x.relaxed"), "user1@x.relaxed.mailvet-mta.net"]);
    expect(replies).toMatchObject([...Array(30).fill(unknown), accepted]);
    expect(await smtp.send("QUIT")).toMatchObject({ code: 221 });
  });
});
