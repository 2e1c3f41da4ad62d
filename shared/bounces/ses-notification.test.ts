import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sesNotification } from "./ses-notification";

const receivedAt = new Date("2026-01-01T00:00:00Z");

describe("sesNotification", () => {
  it("reads a bounce, using SES's bounce type as a hint", () => {
    const body = JSON.stringify({
      notificationType: "Bounce",
      bounce: {
        bounceType: "Transient",
        bounceSubType: "General",
        timestamp: "2026-01-02T00:00:00.000Z",
        bouncedRecipients: [{ emailAddress: "a@example.org", status: "5.1.1", action: "failed", diagnosticCode: "smtp; 550 5.1.1 user unknown" }],
      },
    });
    const parsed = sesNotification(`x-amz-sns-message-id: 1\n\n${body}\n--\nunsubscribe`, receivedAt);
    // SES called it transient: soft, whatever the diagnostic says.
    expect(parsed?.bounces).toMatchObject([{ recipient: "a@example.org", kind: "soft", status: "5.1.1", at: "2026-01-02T00:00:00.000Z" }]);
  });

  it("reads a complaint, with the line breaks mail systems fold into long JSON", () => {
    const body =
      '{"notificationType":"Complaint","complaint":{"complainedRecipients":[{"emailAddress":"complaint@sim!\n ulator.example.com"}],"complaintFeedbackType":"abuse"}}';
    expect(sesNotification(body, receivedAt)?.bounces.map((bounce) => [bounce.recipient, bounce.kind])).toEqual([
      ["complaint@simulator.example.com", "complaint"],
    ]);
  });

  it("calls a delivery no bounce, and a body without a notification nothing", () => {
    expect(sesNotification('{"notificationType":"Delivery","mail":{}}', receivedAt)).toEqual({ type: "not_bounce", bounces: [] });
    expect(sesNotification("hello", receivedAt)).toBeNull();
  });

  it("never throws on any body, nor on any JSON after the marker", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json().map((json) => `{"notificationType":"Bounce","bounce":${json}}`),
        ),
        (body) => {
          const parsed = sesNotification(body, receivedAt);
          expect(parsed === null || parsed.bounces.length <= 200).toBe(true);
        },
      ),
    );
  });
});
