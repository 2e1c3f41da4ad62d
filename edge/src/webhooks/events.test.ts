import { describe, expect, it } from "vitest";
import mailgunComplained from "./fixtures/mailgun-complained.json";
import mailgunDelivered from "./fixtures/mailgun-delivered.json";
import mailgunPermanent from "./fixtures/mailgun-failed-permanent.json";
import mailgunTemporary from "./fixtures/mailgun-failed-temporary.json";
import postmarkDelivery from "./fixtures/postmark-delivery.json";
import postmarkHard from "./fixtures/postmark-bounce-hard.json";
import postmarkSoft from "./fixtures/postmark-bounce-soft.json";
import postmarkComplaint from "./fixtures/postmark-spam-complaint.json";
import resendBounced from "./fixtures/resend-email-bounced.json";
import resendComplained from "./fixtures/resend-email-complained.json";
import resendDelivered from "./fixtures/resend-email-delivered.json";
import sendGridBatch from "./fixtures/sendgrid-events.json";
import sesPermanent from "./fixtures/ses-bounce-permanent.json";
import sesTransient from "./fixtures/ses-bounce-transient.json";
import sesComplaint from "./fixtures/ses-complaint.json";
import sesDelivery from "./fixtures/ses-delivery.json";
import { type ProviderEvent, toBounce } from "./events";
import { mailgunEvents } from "./mailgun-events";
import { postmarkEvents } from "./postmark-events";
import { resendEvents } from "./resend-events";
import { sendGridEvents } from "./sendgrid-events";
import { sesEvents } from "./ses-events";

const summary = (events: ProviderEvent[]) =>
  events.map((event) => toBounce(event, "ses")).map(({ recipient, kind, reason, status }) => ({ recipient, kind, reason, status }));

describe("the providers' events, from their documented shapes", () => {
  it.each([
    ["SES permanent bounce", sesEvents(sesPermanent), [{ recipient: "nobody@example.com", kind: "hard", reason: "user_unknown", status: "5.1.1" }]],
    ["SES transient bounce", sesEvents(sesTransient), [{ recipient: "full@example.com", kind: "soft", reason: "mailbox_full", status: "5.2.2" }]],
    ["SES complaint", sesEvents(sesComplaint), [{ recipient: "annoyed@example.com", kind: "complaint", reason: "complaint", status: null }]],
    ["SES delivery", sesEvents(sesDelivery), []],
    [
      "Mailgun permanent failure",
      mailgunEvents(mailgunPermanent),
      [{ recipient: "nobody@example.com", kind: "hard", reason: "user_unknown", status: "5.1.1" }],
    ],
    ["Mailgun temporary failure", mailgunEvents(mailgunTemporary), [{ recipient: "full@example.com", kind: "soft", reason: "mailbox_full", status: "4.2.2" }]],
    ["Mailgun complaint", mailgunEvents(mailgunComplained), [{ recipient: "annoyed@example.com", kind: "complaint", reason: "complaint", status: null }]],
    ["Mailgun delivery", mailgunEvents(mailgunDelivered), []],
    ["Postmark hard bounce", postmarkEvents(postmarkHard), [{ recipient: "nobody@example.com", kind: "hard", reason: "user_unknown", status: "5.1.1" }]],
    [
      "Postmark spam complaint",
      postmarkEvents(postmarkComplaint),
      [{ recipient: "annoyed@example.com", kind: "complaint", reason: "complaint", status: null }],
    ],
    ["Postmark delivery", postmarkEvents(postmarkDelivery), []],
    ["Resend complaint", resendEvents(resendComplained), [{ recipient: "annoyed@example.com", kind: "complaint", reason: "complaint", status: null }]],
    ["Resend delivery", resendEvents(resendDelivered), []],
  ])("%s", (_, events, expected) => {
    expect(summary(events)).toEqual(expected);
  });

  it("Postmark soft bounce: soft, whatever the text (the table reads Postmark's SoftBounce first)", () => {
    expect(summary(postmarkEvents(postmarkSoft))).toMatchObject([{ recipient: "full@example.com", kind: "soft", status: "4.2.2" }]);
  });

  it("Resend bounce: SES's Permanent/Suppressed is hard", () => {
    expect(summary(resendEvents(resendBounced))).toMatchObject([{ recipient: "nobody@example.com", kind: "hard" }]);
  });

  it("SendGrid batch: bounce hard, blocked and deferred soft, spam report a complaint, delivered and open left out", () => {
    const byRecipient = Object.fromEntries(summary(sendGridEvents(sendGridBatch)).map((bounce) => [bounce.recipient, bounce.kind]));
    expect(byRecipient).toEqual({
      "nobody@example.com": "hard",
      "blocked@example.com": "soft",
      "dropped@example.com": expect.any(String),
      "later@example.com": "soft",
      "annoyed@example.com": "complaint",
    });
  });

  it("answers a payload of the wrong shape with a 400 that says where", () => {
    expect(() => sendGridEvents({ event: "bounce" })).toThrow(/not a SendGrid event/);
    expect(() => mailgunEvents({ signature: {} })).toThrow(/not a Mailgun event: signature/);
  });
});
