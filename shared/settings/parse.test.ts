import { describe, expect, it } from "vitest";
import { parseSettings, SettingsError } from "./parse";

describe("parseSettings", () => {
  it("parses the variables it is asked for and gives unset or empty ones their default", () => {
    const parsed = parseSettings(
      {
        MAILVET_EDGE_PORT: "9000",
        MAILVET_DOH_URL: "https://a.example/dns-query, http://127.0.0.1:5380/dns-query",
        MAILVET_PROBERS: '[{"id":"eu1","region":"eu","url":"https://p1.example"}]',
        MAILVET_ALLOW_PRIVATE_TARGETS: "1",
        MAILVET_API_KEYS: "",
      },
      ["MAILVET_EDGE_PORT", "MAILVET_DOH_URL", "MAILVET_PROBERS", "MAILVET_ALLOW_PRIVATE_TARGETS", "MAILVET_API_KEYS", "MAILVET_SMTP_PORT"],
    );
    expect(parsed).toEqual({
      MAILVET_EDGE_PORT: 9000,
      MAILVET_DOH_URL: ["https://a.example/dns-query", "http://127.0.0.1:5380/dns-query"],
      MAILVET_PROBERS: [{ id: "eu1", region: "eu", url: "https://p1.example" }],
      MAILVET_ALLOW_PRIVATE_TARGETS: true,
      MAILVET_API_KEYS: [],
      MAILVET_SMTP_PORT: 25,
    });
  });

  it("leaves a variable without a fixed default undefined, for the process that reads it to work out", () => {
    expect(parseSettings({}, ["MAILVET_HELO_NAME", "MAILVET_PROBER_URL"])).toEqual({ MAILVET_HELO_NAME: undefined, MAILVET_PROBER_URL: undefined });
  });

  it.each([
    ["MAILVET_EDGE_PORT", "80x", /port/],
    ["MAILVET_SMTP_PORT", "70000", /1 to 65535/],
    ["MAILVET_DOH_URL", "ftp://resolver", /http/],
    ["MAILVET_PROBERS", "not json", /JSON/],
    ["MAILVET_PROBERS", "[]", /at least one prober/],
    ["MAILVET_PROBERS", '[{"id":"eu1","region":"eu","url":"http://p1.example"}]', /must be https/],
    ["MAILVET_PROBERS", '[{"id":"eu1","region":"eu","url":"http://10.0.0.7:8788"}]', /must be https/],
    ["MAILVET_PROBER_URL", "http://p1.example", /must be https/],
    ["MAILVET_PROBER_SECRET", "short", /16 characters/],
    ["MAILVET_HELO_NAME", "bad host!", /host name/],
    ["MAILVET_MAIL_FROM", "nobody", /address/],
    ["MAILVET_ALLOW_PRIVATE_TARGETS", "yes", /1 or 0/],
    ["MAILVET_EGRESS_IPS", "192.0.2.300", /IP addresses/],
    ["MAILVET_BLOCKLIST_RESOLVER", "dns.google", /resolver's IP address/],
    ["MAILVET_BLOCKLIST_RESOLVER", "127.0.0.1:99999", /resolver's IP address/],
  ] as const)("rejects %s=%s with a message naming the variable", (name, value, message) => {
    expect(() => parseSettings({ [name]: value }, [name])).toThrow(SettingsError);
    expect(() => parseSettings({ [name]: value }, [name])).toThrow(new RegExp(`${name}: .*${message.source}`));
  });

  it("takes plain http prober URLs on loopback only, as the local stack and the suites use them", () => {
    const probers = ["http://127.0.0.1:8788", "http://127.0.0.9", "http://[::1]:8788", "http://localhost:8788", "https://p1.example"].map((url, index) => ({
      id: `p${index}`,
      region: "local",
      url,
    }));
    expect(parseSettings({ MAILVET_PROBERS: JSON.stringify(probers) }, ["MAILVET_PROBERS"])).toEqual({ MAILVET_PROBERS: probers });
    expect(parseSettings({ MAILVET_PROBER_URL: "http://127.0.0.1:8788" }, ["MAILVET_PROBER_URL"])).toEqual({ MAILVET_PROBER_URL: "http://127.0.0.1:8788" });
  });

  it("takes the doctor's egress addresses and a resolver with or without a port", () => {
    const env = { MAILVET_EGRESS_IPS: "192.0.2.25, 2001:db8::25", MAILVET_BLOCKLIST_RESOLVER: "[::1]:5353" };
    expect(parseSettings(env, ["MAILVET_EGRESS_IPS", "MAILVET_BLOCKLIST_RESOLVER"])).toEqual({
      MAILVET_EGRESS_IPS: ["192.0.2.25", "2001:db8::25"],
      MAILVET_BLOCKLIST_RESOLVER: "[::1]:5353",
    });
    for (const server of ["127.0.0.1", "127.0.0.1:5353", "::1"])
      expect(parseSettings({ MAILVET_BLOCKLIST_RESOLVER: server }, ["MAILVET_BLOCKLIST_RESOLVER"])).toBeTruthy();
  });

  it("names every bad variable at once", () => {
    expect(() => parseSettings({ MAILVET_EDGE_PORT: "x", MAILVET_SMTP_PORT: "y" }, ["MAILVET_EDGE_PORT", "MAILVET_SMTP_PORT"])).toThrow(
      /MAILVET_EDGE_PORT[\s\S]*MAILVET_SMTP_PORT/,
    );
  });
});
