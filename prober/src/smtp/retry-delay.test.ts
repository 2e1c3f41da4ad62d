import { describe, expect, it } from "vitest";
import { statedRetryDelaySeconds } from "./retry-delay";

describe("statedRetryDelaySeconds", () => {
  it.each([
    ["Greylisted, please try again in 5 minutes", 300],
    ["Greylisting in progress, retry in 300 seconds", 300],
    ["Greylisted for 300 seconds (see http://isg.ee.ethz.ch/tools/postgrey/help/example.org.html)", 300],
    ["Greylisting in action, please come back in 00:05:00", 300],
    ["Temporarily deferred, please wait 60s", 60],
    ["Too many connections, try again in 1 hour", 3600],
    ["Bitte versuchen Sie es in 10 Minuten erneut", 600],
    ["Greylisting: попробуйте ещё раз через 5 минут", 300],
  ] as const)("reads %j as %i s", (text, seconds) => {
    expect(statedRetryDelaySeconds(text)).toBe(seconds);
  });

  it.each([
    "Try again later",
    "Too many connections, limit 10 per 1 minute",
    "Greylisted, see http://postgrey.schweikert.ch/help/example.org.html",
    "try again in 90 days",
    "retry in 0 seconds",
  ])("reads no delay in %j", (text) => {
    expect(statedRetryDelaySeconds(text)).toBeNull();
  });
});
