import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { makeReturnPath } from "../../../shared/bounces/return-path";
import { receiveBounce } from "./receive-bounce";

const SECRET = "return-path-secret-0123456789";
const DOMAIN = "bounces.mailvet.test";
const settingsEnv = { ...env, MAILVET_RETURN_PATH_SECRET: SECRET, MAILVET_RETURN_PATH_DOMAIN: DOMAIN };
const OWNER = "key:mailer";

/** A DSN as Postfix writes one, for `bounced`, sent to `to`. */
function dsn(to: string, bounced: string): string {
  return [
    "From: MAILER-DAEMON@mx.sender.test (Mail Delivery System)",
    `To: ${to}`,
    "Subject: Undelivered Mail Returned to Sender",
    "MIME-Version: 1.0",
    'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
    "",
    "--B",
    "Content-Type: text/plain",
    "",
    "I'm sorry to have to inform you that your message could not be delivered.",
    "",
    "--B",
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; mx.sender.test",
    "",
    `Final-Recipient: rfc822; ${bounced}`,
    "Action: failed",
    "Status: 5.1.1",
    `Diagnostic-Code: smtp; 550 5.1.1 <${bounced}>: Recipient address rejected: User unknown in local recipient table`,
    "",
    "--B--",
    "",
  ].join("\r\n");
}

const message = (to: string, raw: string) => ({ to, raw, rawSize: raw.length });
const kindOf = async (address: string) =>
  (await env.JOBS_DB.prepare("SELECT kind FROM suppression WHERE owner = ? AND address_key = ?").bind(OWNER, address).first<string>("kind")) ?? null;

describe("receiveBounce", () => {
  it("files the bounce of a signed return path for its owner", async () => {
    const to = await makeReturnPath({ owner: OWNER, recipient: "gone@farm.test", domain: DOMAIN, secret: SECRET });
    expect(await receiveBounce(message(to, dsn(to, "gone@farm.test")), settingsEnv)).toEqual({ action: "stored", recorded: 1, skipped: 0 });
    expect(await kindOf("gone@farm.test")).toBe("hard");
  });

  it("rejects a forged, unsigned or foreign return path, storing nothing", async () => {
    const to = await makeReturnPath({ owner: OWNER, recipient: "victim@farm.test", domain: DOMAIN, secret: "someone-elses-secret-000" });
    expect(await receiveBounce(message(to, dsn(to, "victim@farm.test")), settingsEnv)).toMatchObject({
      action: "rejected",
      reason: expect.stringContaining("signed"),
    });
    expect(await receiveBounce(message(`bounces@${DOMAIN}`, dsn("x", "victim@farm.test")), settingsEnv)).toMatchObject({ action: "rejected" });
    const elsewhere = await makeReturnPath({ owner: OWNER, recipient: "victim@farm.test", domain: "other.test", secret: SECRET });
    expect(await receiveBounce(message(elsewhere, dsn(elsewhere, "victim@farm.test")), settingsEnv)).toMatchObject({ action: "rejected" });
    expect(await receiveBounce(message(to, dsn(to, "victim@farm.test")), env)).toMatchObject({ action: "rejected" });
    expect(await kindOf("victim@farm.test")).toBeNull();
  });

  it("drops a bounce for another recipient than the return path's, and an auto-reply", async () => {
    const to = await makeReturnPath({ owner: OWNER, recipient: "mine@farm.test", domain: DOMAIN, secret: SECRET });
    expect(await receiveBounce(message(to, dsn(to, "someone-else@farm.test")), settingsEnv)).toMatchObject({ action: "dropped" });
    expect(await kindOf("someone-else@farm.test")).toBeNull();
    const autoReply = `From: mine@farm.test\r\nTo: ${to}\r\nSubject: Out of office\r\nAuto-Submitted: auto-replied\r\n\r\nI am away until Monday.\r\n`;
    expect(await receiveBounce(message(to, autoReply), settingsEnv)).toMatchObject({ action: "dropped", reason: expect.stringContaining("not a bounce") });
  });
});
