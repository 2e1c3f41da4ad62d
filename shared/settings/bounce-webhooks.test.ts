import { describe, expect, it } from "vitest";
import { bounceWebhooksVariable } from "./bounce-webhooks";

describe("MAILVET_BOUNCE_WEBHOOKS", () => {
  it("reads each owner's providers", () => {
    const parsed = bounceWebhooksVariable.parse(
      JSON.stringify({
        acme: {
          ses: { topics: ["arn:aws:sns:eu-west-1:123456789012:ses-bounces"] },
          mailgun: { signingKey: "key-0123456789abcdef" },
          postmark: { username: "postmark", password: "pa55-word-0123456789" },
          resend: { secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" },
        },
      }),
    );
    expect(parsed.acme?.mailgun?.signingKey).toBe("key-0123456789abcdef");
    expect(parsed.acme?.sendgrid).toBeUndefined();
  });

  it.each([
    ["not JSON", "{", "must be JSON"],
    ["a short secret", '{"acme":{"mailgun":{"signingKey":"short"}}}', "at least 16"],
    ["an unknown provider", '{"acme":{"sparkpost":{}}}', "sparkpost"],
    ["a topic that is no ARN", '{"acme":{"ses":{"topics":["bounces"]}}}', "SNS topic ARN"],
    ["a Resend secret without whsec_", '{"acme":{"resend":{"secret":"MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}}}', "whsec_"],
    ["an owner that is no key id", '{"a b":{}}', "API key's id"],
  ])("refuses %s with a reason", (_, value, reason) => {
    const result = bounceWebhooksVariable.safeParse(value);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(reason);
  });

  it("is empty when unset", () => {
    expect(bounceWebhooksVariable.parse("")).toEqual({});
  });
});
