import { describe, expect, it } from "vitest";
import { SettingsError } from "../../shared/settings/parse";
import { resolveLocalSettings } from "./stack";

describe("resolveLocalSettings", () => {
  it("fills in the contract's local defaults and a fresh hop secret", () => {
    const first = resolveLocalSettings({});
    const second = resolveLocalSettings({});
    expect(first.edgePort).toBe(8787);
    expect(first.proberPort).toBe(8788);
    expect(JSON.parse(first.edgeEnv.MAILVET_PROBERS!)).toEqual([{ id: "local", region: "local", url: "http://127.0.0.1:8788" }]);
    expect(first.edgeEnv.MAILVET_PROBER_SECRET).toBe(first.proberEnv.MAILVET_PROBER_SECRET);
    expect(first.edgeEnv.MAILVET_PROBER_SECRET).not.toBe(second.edgeEnv.MAILVET_PROBER_SECRET);
  });

  it("hands each process only its own variables", () => {
    const { edgeEnv, proberEnv } = resolveLocalSettings({ MAILVET_API_KEYS: "local-key-0123456789", MAILVET_SMTP_PORT: "2525" });
    expect(edgeEnv.MAILVET_API_KEYS).toBe("local-key-0123456789");
    expect(proberEnv.MAILVET_API_KEYS).toBeUndefined();
    expect(proberEnv.MAILVET_SMTP_PORT).toBe("2525");
    expect(edgeEnv.MAILVET_SMTP_PORT).toBeUndefined();
  });

  it("refuses a bad value before anything starts", () => {
    expect(() => resolveLocalSettings({ MAILVET_PROBER_PORT: "eighty" })).toThrow(SettingsError);
  });

  it("refuses a plain http prober off loopback before anything starts", () => {
    const probers = JSON.stringify([{ id: "eu1", region: "eu", url: "http://eu1.probers.example" }]);
    expect(() => resolveLocalSettings({ MAILVET_PROBERS: probers })).toThrow(/MAILVET_PROBERS: must be https/);
    expect(() => resolveLocalSettings({ MAILVET_PROBER_URL: "http://eu1.probers.example" })).toThrow(/MAILVET_PROBER_URL: must be https/);
  });

  it("refuses a 1-character API key, saying why", () => {
    expect(() => resolveLocalSettings({ MAILVET_API_KEYS: "k" })).toThrow(/MAILVET_API_KEYS: key 1: each key must be at least 16 characters/);
  });
});
