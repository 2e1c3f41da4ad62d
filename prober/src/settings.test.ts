import { describe, expect, it } from "vitest";
import { SettingsError } from "../../shared/settings/parse";
import { readProberSettings } from "./settings";

const SECRET = { MAILVET_PROBER_SECRET: "hop-key-0123456789abcdef" };

describe("readProberSettings", () => {
  it("fills in the contract's defaults and the safe politeness limits", () => {
    const settings = readProberSettings({ ...SECRET, MAILVET_HELO_NAME: "probe.example.net" });
    expect(settings).toMatchObject({
      port: 8788,
      hopHost: "127.0.0.1:8788",
      secrets: [SECRET.MAILVET_PROBER_SECRET],
      smtpPort: 25,
      heloName: "probe.example.net",
      mailFrom: "verify@probe.example.net",
      allowPrivateTargets: false,
      maxSessions: 32,
      perHostSessions: 2,
      hostRcptPerSecond: 10,
      catchAllTtlSeconds: 3600,
    });
  });

  it("reads raised limits for tests and benchmarks", () => {
    const settings = readProberSettings({
      ...SECRET,
      MAILVET_PROBER_MAX_SESSIONS: "500",
      MAILVET_PROBER_PER_HOST_SESSIONS: "64",
      MAILVET_PROBER_HOST_RATE: "0.5",
      MAILVET_PROBER_CATCH_ALL_TTL: "60",
    });
    expect(settings).toMatchObject({ maxSessions: 500, perHostSessions: 64, hostRcptPerSecond: 0.5, catchAllTtlSeconds: 60 });
  });

  it.each([
    ["MAILVET_PROBER_MAX_SESSIONS", "0"],
    ["MAILVET_PROBER_PER_HOST_SESSIONS", "two"],
    ["MAILVET_PROBER_HOST_RATE", "-1"],
    ["MAILVET_PROBER_CATCH_ALL_TTL", "1.5"],
  ])("refuses %s=%s, naming it", (name, value) => {
    expect(() => readProberSettings({ ...SECRET, [name]: value })).toThrow(SettingsError);
    expect(() => readProberSettings({ ...SECRET, [name]: value })).toThrow(name);
  });

  it("takes the host the edge signs for from MAILVET_PROBER_URL, or the loopback port it listens on", () => {
    expect(readProberSettings({ ...SECRET, MAILVET_PROBER_URL: "https://EU1.probers.example/" }).hopHost).toBe("eu1.probers.example");
    expect(readProberSettings({ ...SECRET, MAILVET_PROBER_PORT: "18988" }).hopHost).toBe("127.0.0.1:18988");
  });

  it("refuses to start on a plain http URL off loopback", () => {
    expect(() => readProberSettings({ ...SECRET, MAILVET_PROBER_URL: "http://eu1.probers.example" })).toThrow(/MAILVET_PROBER_URL: must be https/);
  });

  it("refuses to start without a hop secret", () => {
    expect(() => readProberSettings({})).toThrow(/MAILVET_PROBER_SECRET: must be set/);
  });
});
