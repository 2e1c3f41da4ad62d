import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SmtpReply } from "../../../prober/src/smtp/reply-reader";
import { skipWithoutMtaFarm, startMtaFarm, type MtaFarm } from "./peer";
import { RBL_LISTED_CLIENT, writeListedClients } from "./listed-clients";
import { processesWorkingIn } from "./proc";
import { openRawSmtp } from "./raw-smtp";
import { acceptsConnections } from "./ready";

/** Running, as opposed to gone or a zombie waiting for its parent to notice. */
function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

/**
 * One session the way a prober holds it: greeting, EHLO, MAIL FROM, an RCPT TO per recipient,
 * RSET, QUIT; never DATA. Resolves with the RCPT replies and what came before them.
 */
async function askRecipients(host: string, port: number, recipients: string[], { smtputf8 = false, from = undefined as string | undefined } = {}) {
  const smtp = openRawSmtp(host, port, from);
  const greeting = await smtp.greeting;
  const ehlo = await smtp.send("EHLO probe.mailvet.test");
  const mail = await smtp.send(`MAIL FROM:<probe@mailvet.test>${smtputf8 ? " SMTPUTF8" : ""}`);
  const rcpt: SmtpReply[] = [];
  for (const recipient of recipients) rcpt.push(await smtp.send(`RCPT TO:<${recipient}>`));
  expect(await smtp.send("RSET")).toMatchObject({ code: 250 });
  expect(await smtp.send("QUIT")).toMatchObject({ code: 221 });
  await smtp.closed;
  return { greeting, ehlo, mail, rcpt };
}

const accepted = { code: 250, enhanced: "2.1.5", text: "Ok" };
const unknown = (address: string) => ({
  code: 550,
  enhanced: "5.1.1",
  text: `<${address}>: Recipient address rejected: User unknown in virtual mailbox table`,
});

describe.skipIf(skipWithoutMtaFarm())("the local MTA farm", () => {
  let farm: MtaFarm;
  beforeAll(async () => {
    farm = await startMtaFarm({ greylistDelaySeconds: 2 });
  }, 30_000);
  afterAll(() => farm?.stop());

  it("refuses the client mx-rbl's block list names with a block-list reply, others not, and lifts the block while running", async () => {
    const ask = (from: string) => askRecipients(farm.hosts.rbl, farm.port, ["alice@rbl-a.mailvet-mta.net"], { from });
    expect((await ask(RBL_LISTED_CLIENT)).rcpt).toMatchObject([
      { code: 554, enhanced: "5.7.1", text: `<unknown[${RBL_LISTED_CLIENT}]>: Client host rejected: Service unavailable; blocked using bl.mailvet-test.net` },
    ]);
    expect((await ask("127.0.0.62")).rcpt).toMatchObject([accepted]);
    await writeListedClients(farm.runDir, []);
    // smtpd restarts itself once it sees the table changed; until then a session may still meet the block.
    await expect.poll(async () => (await ask(RBL_LISTED_CLIENT)).rcpt[0]?.code, { timeout: 30_000, interval: 200 }).toBe(250);
    await writeListedClients(farm.runDir, [RBL_LISTED_CLIENT]);
    await expect.poll(async () => (await ask(RBL_LISTED_CLIENT)).rcpt[0]?.code, { timeout: 30_000, interval: 200 }).toBe(554);
  }, 90_000);
  it("answers each mailbox of ok.mailvet-mta.net as a real provider does", async () => {
    const { greeting, rcpt } = await askRecipients(farm.hosts.main, farm.port, [
      "alice@ok.mailvet-mta.net",
      "Bob@OK.mailvet-mta.net",
      "carol@ok.mailvet-mta.net",
      "full@ok.mailvet-mta.net",
      "overquota@ok.mailvet-mta.net",
      "disabled@ok.mailvet-mta.net",
      "busy@ok.mailvet-mta.net",
      "denied@ok.mailvet-mta.net",
      "alice@policy.mailvet-mta.net",
      "alice@elsewhere.example",
    ]);
    expect(greeting).toMatchObject({ code: 220, text: "mx1.mailvet-mta.net ESMTP Postfix (Debian/GNU)" });
    expect(rcpt).toMatchObject([
      accepted,
      accepted,
      unknown("carol@ok.mailvet-mta.net"),
      { code: 452, enhanced: "4.2.2", text: expect.stringContaining("Recipient address rejected: The recipient's inbox is out of storage space.") },
      { code: 552, enhanced: "5.2.2", text: "<overquota@ok.mailvet-mta.net>: Recipient address rejected: user is over quota" },
      {
        code: 550,
        enhanced: "5.2.1",
        text: "<disabled@ok.mailvet-mta.net>: Recipient address rejected: The email account that you tried to reach is disabled.",
      },
      { code: 450, enhanced: "4.2.1", text: expect.stringContaining("is receiving mail at a rate that prevents additional messages") },
      { code: 550, enhanced: "5.4.1", text: "<denied@ok.mailvet-mta.net>: Recipient address rejected: Access denied. AS(201806281)" },
      { code: 554, enhanced: "5.7.1", text: expect.stringContaining("Client host [127.0.0.1] blocked using zen.spamhaus.org") },
      { code: 554, enhanced: "5.7.1", text: "<alice@elsewhere.example>: Relay access denied" },
    ]);
  });

  it("accepts any local part on the catch-all domain", async () => {
    const { rcpt } = await askRecipients(farm.hosts.main, farm.port, [`x${Math.random().toString(36).slice(2)}@catchall.mailvet-mta.net`]);
    expect(rcpt).toMatchObject([accepted]);
  });

  it("offers SMTPUTF8 on mx1 and not on mx-ascii", async () => {
    const utf8 = await askRecipients(farm.hosts.main, farm.port, ["jörg@utf8.mailvet-mta.net", "jürgen@utf8.mailvet-mta.net"], { smtputf8: true });
    expect(utf8.ehlo.lines).toContain("SMTPUTF8");
    expect(utf8.mail.code).toBe(250);
    expect(utf8.rcpt).toMatchObject([accepted, unknown("jürgen@utf8.mailvet-mta.net")]);

    const ascii = openRawSmtp(farm.hosts.ascii, farm.port);
    expect(await ascii.greeting).toMatchObject({ code: 220, text: expect.stringMatching(/^mx-ascii\.mailvet-mta\.net /) });
    expect((await ascii.send("EHLO probe.mailvet.test")).lines).not.toContain("SMTPUTF8");
    expect(await ascii.send("MAIL FROM:<probe@mailvet.test> SMTPUTF8")).toMatchObject({ code: 555, enhanced: "5.5.4" });
    ascii.close();
    const { rcpt } = await askRecipients(farm.hosts.ascii, farm.port, ["alice@noutf8.mailvet-mta.net", "carol@noutf8.mailvet-mta.net"]);
    expect(rcpt).toMatchObject([accepted, unknown("carol@noutf8.mailvet-mta.net")]);
  });

  it("knows the IDN domain by its A-label, and by its U-label under SMTPUTF8", async () => {
    const { rcpt } = await askRecipients(
      farm.hosts.main,
      farm.port,
      ["alice@xn--bcher-kva.mailvet-mta.net", "alice@bücher.mailvet-mta.net", "bob@bücher.mailvet-mta.net"],
      { smtputf8: true },
    );
    expect(rcpt).toMatchObject([accepted, accepted, unknown("bob@bücher.mailvet-mta.net")]);
  });

  it("has the benchmark mailboxes on every b<n> and bulk domain", async () => {
    const { rcpt } = await askRecipients(farm.hosts.main, farm.port, [
      "user42@b0.mailvet-mta.net",
      "bob@b49.mailvet-mta.net",
      "user7@run-1.bulk.mailvet-mta.net",
      "nobody@b7.mailvet-mta.net",
      "userx@b7.mailvet-mta.net",
    ]);
    expect(rcpt).toMatchObject([accepted, accepted, accepted, unknown("nobody@b7.mailvet-mta.net"), unknown("userx@b7.mailvet-mta.net")]);
  });

  it("answers over IPv6 on mx6", async () => {
    const { greeting, rcpt } = await askRecipients(farm.hosts.ipv6, farm.port, ["alice@v6.mailvet-mta.net"]);
    expect(greeting.text).toMatch(/^mx6\.mailvet-mta\.net /);
    expect(rcpt).toMatchObject([accepted]);
  });

  it("refuses the client with 554 in place of a banner on mx-blocked", async () => {
    const smtp = openRawSmtp(farm.hosts.blocked, farm.port);
    expect(await smtp.greeting).toMatchObject({ code: 554, enhanced: "5.7.1", text: "<unknown[127.0.0.1]>: Client host rejected: Access denied" });
    expect(await smtp.send("EHLO probe.mailvet.test")).toMatchObject({ code: 503 });
    smtp.close();
  });

  it("greylists each new recipient on mx-greylist, then answers for the mailbox once the delay has passed", async () => {
    const recipients = ["alice@greylist.mailvet-mta.net", "carol@greylist.mailvet-mta.net"];
    const first = await askRecipients(farm.hosts.greylist, farm.port, recipients);
    expect(first.rcpt).toMatchObject([
      {
        code: 450,
        enhanced: "4.2.0",
        text: "<alice@greylist.mailvet-mta.net>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/greylist.mailvet-mta.net.html",
      },
      { code: 450, enhanced: "4.2.0" },
    ]);
    // As a sender would: retry in a new session until the server stops deferring.
    await expect
      .poll(async () => (await askRecipients(farm.hosts.greylist, farm.port, recipients)).rcpt, { timeout: 20_000, interval: 500 })
      .toMatchObject([accepted, unknown("carol@greylist.mailvet-mta.net")]);
  }, 30_000);

  it("holds a connection on mx-tarpit without a word", async () => {
    const smtp = openRawSmtp(farm.hosts.tarpit, farm.port);
    await smtp.connected;
    // A tarpit never greets, so no wait can be too short to be sure of the silence.
    const heard = await Promise.race([
      smtp.greeting.then(
        () => "a reply",
        () => "a hang-up",
      ),
      new Promise((resolve) => setTimeout(() => resolve("nothing"), 300)),
    ]);
    expect(heard).toBe("nothing");
    smtp.close();
  });

  it("refuses connections on mx-dead", async () => {
    await expect(openRawSmtp(farm.hosts.dead, farm.port).connected).rejects.toThrow(/ECONNREFUSED/);
  });

  it("stops without leaving a process, a listener or a file behind", async () => {
    expect((await processesWorkingIn(farm.runDir)).length).toBeGreaterThan(0);
    expect(farm.pids.map(isRunning)).toEqual([true, true, true]);
    await farm.stop();
    await farm.stop();
    expect(await processesWorkingIn(farm.runDir)).toEqual([]);
    expect(farm.pids.map(isRunning)).toEqual([false, false, false]);
    expect(existsSync(farm.runDir)).toBe(false);
    expect(await acceptsConnections(farm.hosts.main, farm.port)).toBe(false);
    expect(await acceptsConnections(farm.hosts.tarpit, farm.port)).toBe(false);
  });
});

describe.skipIf(skipWithoutMtaFarm())("the local MTA farm, when the process that started it is killed", () => {
  it("leaves nothing running", async () => {
    const peerModule = fileURLToPath(new URL("./peer.ts", import.meta.url));
    const script = `const { startMtaFarm } = await import(${JSON.stringify(peerModule)}); const farm = await startMtaFarm(); console.log(JSON.stringify({ runDir: farm.runDir, pids: farm.pids }));`;
    const parent = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    const started = await new Promise<{ runDir: string; pids: number[] }>((resolve) =>
      parent.stdout.once("data", (chunk: Buffer) => resolve(JSON.parse(chunk.toString()))),
    );
    expect((await processesWorkingIn(started.runDir)).length).toBeGreaterThan(0);
    parent.kill("SIGKILL");
    await expect.poll(() => processesWorkingIn(started.runDir), { timeout: 10_000 }).toEqual([]);
    await expect.poll(() => started.pids.filter(isRunning), { timeout: 10_000 }).toEqual([]);
    // Only the directory stays, as nothing was left to remove it.
    await rm(started.runDir, { recursive: true, force: true });
  }, 30_000);
});
