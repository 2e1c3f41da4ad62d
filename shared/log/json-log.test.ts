import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { logLine, withoutLocalParts } from "./json-log";

afterEach(() => {
  vi.restoreAllMocks();
});

function captured(): { lines: () => Record<string, unknown>[] } {
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  return { lines: () => [...log.mock.calls, ...error.mock.calls].map(([line]) => JSON.parse(line as string) as Record<string, unknown>) };
}

describe("logLine", () => {
  it("writes one JSON object per line with time, level, msg and the fields", () => {
    const output = captured();
    logLine("info", "probe", { request_id: "abc-1", domain: "example.org", addresses: 3 });
    const [line] = output.lines();
    expect(line).toMatchObject({ level: "info", msg: "probe", request_id: "abc-1", domain: "example.org", addresses: 3 });
    expect(new Date(line!.time as string).toISOString()).toBe(line!.time);
  });

  it("sends warnings and errors to stderr, the rest to stdout", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    logLine("error", "broken");
    logLine("debug", "detail");
    expect(error).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("never writes an address's local part, wherever the address hides (fuzz)", () => {
    const output = captured();
    fc.assert(
      fc.property(fc.emailAddress(), fc.string(), (address, around) => {
        logLine("warn", `failed for ${address}`, { detail: `${around}<${address}>${around}`, nested: { list: [address] } });
        const written = JSON.stringify(output.lines().at(-1));
        const domain = address.slice(address.lastIndexOf("@") + 1);
        return !written.includes(address) && written.includes(`…@${domain}`);
      }),
    );
  });
});

describe("withoutLocalParts", () => {
  it("keeps the domain and the rest of the text", () => {
    expect(withoutLocalParts("550 5.1.1 <alice@example.org>: Recipient address rejected")).toBe("550 5.1.1 <…@example.org>: Recipient address rejected");
    expect(withoutLocalParts('RCPT TO:<"john doe"@example.org>')).toBe("RCPT TO:<…@example.org>");
    expect(withoutLocalParts("no address here, just a @ sign")).toBe("no address here, just a @ sign");
  });
});
