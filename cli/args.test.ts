import { describe, expect, it } from "vitest";
import { apiTarget, keptVerdicts, parseCommandLine, resultFormat } from "./args";
import { CliError, EXIT } from "./exit-codes";

const env = {};

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(EXIT.usage);
    return (error as CliError).message;
  }
  throw new Error("expected a usage error");
}

describe("parseCommandLine", () => {
  it("reads verify with its options", () => {
    expect(parseCommandLine(["verify", "a@b.org", "c@d.org", "--json", "--no-smtp", "--timeout", "2000"], env)).toEqual({
      name: "verify",
      api: { url: "http://127.0.0.1:8787", key: undefined },
      json: true,
      addresses: ["a@b.org", "c@d.org"],
      smtp: false,
      timeoutMs: 2000,
    });
  });

  it("defaults verify to SMTP on, readable output and the API's own timeout", () => {
    expect(parseCommandLine(["verify", "a@b.org"], env)).toMatchObject({ json: false, smtp: true, timeoutMs: undefined });
  });

  it("reads clean with the default kept verdicts, --keep and --all", () => {
    expect(parseCommandLine(["clean", "list.csv", "-o", "out.xlsx"], env)).toMatchObject({
      name: "clean",
      input: "list.csv",
      output: { path: "out.xlsx", format: "xlsx", keep: ["deliverable"] },
    });
    expect(parseCommandLine(["clean", "list.csv", "--output=out.csv", "--keep", "risky,deliverable"], env)).toMatchObject({
      output: { format: "csv", keep: ["deliverable", "risky"] },
    });
    expect(parseCommandLine(["clean", "list.csv", "-o", "out.json", "--all"], env)).toMatchObject({ output: { format: "json", keep: "all" } });
  });

  it("reads status and results with a job id", () => {
    expect(parseCommandLine(["status", "job-1", "--json"], env)).toMatchObject({ name: "status", jobId: "job-1", json: true });
    expect(parseCommandLine(["results", "job-1", "-o", "out.csv"], env)).toMatchObject({ name: "results", jobId: "job-1", output: { path: "out.csv" } });
  });

  it("answers help and version wherever they are asked", () => {
    for (const argv of [["--help"], ["-h"], ["help"], ["verify", "--help"], ["clean", "-h"]]) expect(parseCommandLine(argv, env)).toEqual({ name: "help" });
    expect(parseCommandLine(["--version"], env)).toEqual({ name: "version" });
    expect(parseCommandLine(["-v"], env)).toEqual({ name: "version" });
  });

  it.each([
    [[], /missing the command/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["--json", "verify", "a@b.org"], /unknown command "--json"/],
    [["verify"], /missing the address/],
    [["verify", "a@b.org", "--bogus"], /Unknown option '--bogus'/],
    [["verify", "a@b.org", "--timeout"], /argument missing/],
    [["verify", "a@b.org", "--timeout", "soon"], /--timeout takes milliseconds/],
    [["verify", "a@b.org", "-o", "x.csv"], /Unknown option '-o'/],
    [["clean", "list.csv"], /say where the results go/],
    [["clean", "-o", "out.csv"], /missing input file/],
    [["clean", "a.csv", "b.csv", "-o", "out.csv"], /expected one input file/],
    [["clean", "list.csv", "-o", "out.txt"], /must end in .csv, .xlsx or .json/],
    [["clean", "list.csv", "-o", "./list.csv"], /would overwrite the input/],
    [["clean", "list.csv", "-o", "out.csv", "--keep", "good"], /--keep takes verdicts/],
    [["clean", "list.csv", "-o", "out.csv", "--keep", "risky", "--all"], /either --keep or --all/],
    [["status"], /missing job id/],
    [["verify", "a@b.org", "--api", "ftp://example.org"], /--api must be an http\(s\) URL/],
  ])("refuses %j", (argv, message) => {
    expect(usageError(() => parseCommandLine(argv, env))).toMatch(message);
  });
});

describe("apiTarget", () => {
  it("takes --api, else MAILVET_API, else the local edge on MAILVET_EDGE_PORT", () => {
    const everything = { MAILVET_API: "https://api.example.org/", MAILVET_EDGE_PORT: "9000" };
    expect(apiTarget({ api: "http://127.0.0.1:1234" }, everything).url).toBe("http://127.0.0.1:1234");
    expect(apiTarget({}, everything).url).toBe("https://api.example.org");
    expect(apiTarget({}, { MAILVET_EDGE_PORT: "9000" }).url).toBe("http://127.0.0.1:9000");
    expect(apiTarget({}, {}).url).toBe("http://127.0.0.1:8787");
  });

  it("keeps a path prefix, without the trailing slash", () => {
    expect(apiTarget({ api: "https://example.org/mailvet/" }, {}).url).toBe("https://example.org/mailvet");
  });

  it("takes the key from --key, else MAILVET_API_KEY", () => {
    expect(apiTarget({ key: "k1" }, { MAILVET_API_KEY: "k2" }).key).toBe("k1");
    expect(apiTarget({}, { MAILVET_API_KEY: "k2" }).key).toBe("k2");
    expect(apiTarget({}, { MAILVET_API_KEY: "" }).key).toBeUndefined();
  });

  it("refuses what is not a URL", () => {
    expect(usageError(() => apiTarget({ api: "localhost:8787" }, {}))).toMatch(/http\(s\) URL/);
    expect(usageError(() => apiTarget({ api: "not a url" }, {}))).toMatch(/http\(s\) URL/);
  });
});

describe("keptVerdicts", () => {
  it("lists kept verdicts in the contract's order, ignoring case and spaces", () => {
    expect(keptVerdicts({ keep: " Unknown, deliverable ", all: false })).toEqual(["deliverable", "unknown"]);
  });

  it("keeps deliverable rows only by default", () => {
    expect(keptVerdicts({ all: false })).toEqual(["deliverable"]);
  });

  it("refuses an empty list", () => {
    expect(usageError(() => keptVerdicts({ keep: ",", all: false }))).toMatch(/--keep takes verdicts/);
  });
});

describe("resultFormat", () => {
  it("follows the extension, whatever its case", () => {
    expect(resultFormat("a/b/Clean.XLSX")).toBe("xlsx");
    expect(resultFormat("clean.csv")).toBe("csv");
    expect(resultFormat("clean.json")).toBe("json");
  });

  it("refuses a name without a known extension", () => {
    expect(usageError(() => resultFormat("clean"))).toMatch(/must end in/);
    expect(usageError(() => resultFormat("dir.csv/clean"))).toMatch(/must end in/);
  });
});

describe("parseCommandLine: reputation", () => {
  it("takes a domain and IPs, repeated or comma-separated", () => {
    expect(parseCommandLine(["reputation", "--domain", "example.com", "--ip", "192.0.2.1,192.0.2.2", "--ip", "2001:db8::1", "--json"], {})).toMatchObject({
      name: "reputation",
      domain: "example.com",
      ips: ["192.0.2.1", "192.0.2.2", "2001:db8::1"],
      json: true,
    });
  });

  it("needs a domain or an IP, and takes no positional", () => {
    expect(() => parseCommandLine(["reputation"], {})).toThrow(/give --domain/);
    expect(() => parseCommandLine(["reputation", "example.com"], {})).toThrow(/unexpected "example.com"/);
  });
});
