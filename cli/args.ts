import { resolve } from "node:path";
import { parseArgs, type ParseArgsOptionsConfig } from "node:util";
import { VERDICTS, type Verdict } from "../shared/contract/taxonomy";
import { CliError, EXIT } from "./exit-codes";

/** Where the API is, and the key it wants (if any). */
export interface ApiTarget {
  url: string;
  key: string | undefined;
}

export type ResultFormat = "csv" | "xlsx" | "json";

/** Where a bulk job's results go, in which format, and which verdicts' rows they keep. */
export interface OutputChoice {
  path: string;
  format: ResultFormat;
  keep: readonly Verdict[] | "all";
}

export type Command =
  | { name: "help" }
  | { name: "version" }
  | { name: "verify"; api: ApiTarget; json: boolean; addresses: string[]; smtp: boolean; timeoutMs: number | undefined }
  | { name: "clean"; api: ApiTarget; json: boolean; input: string; output: OutputChoice }
  | { name: "results"; api: ApiTarget; json: boolean; jobId: string; output: OutputChoice }
  | { name: "status"; api: ApiTarget; json: boolean; jobId: string }
  | SuppressionsCommand
  | BouncesCommand
  | { name: "reputation"; api: ApiTarget; json: boolean; domain: string | undefined; ips: string[] }
  | { name: "doctor"; api: ApiTarget; json: boolean };

export type SuppressionKind = "hard" | "soft" | "complaint";

/** `mailvet suppressions list|add|remove|export`. */
export type SuppressionsCommand = { name: "suppressions"; api: ApiTarget; json: boolean } & (
  | { action: "list"; kind: SuppressionKind | undefined }
  | { action: "add"; address: string; kind: SuppressionKind; reason: string; status: string | undefined }
  | { action: "remove"; address: string }
  | { action: "export"; kind: SuppressionKind | undefined; output: string }
);

/** `mailvet bounces import <file>`: an ESP's CSV export or an mbox of DSNs onto the key's suppression list. */
export interface BouncesCommand {
  name: "bounces";
  api: ApiTarget;
  json: boolean;
  action: "import";
  file: string;
}

/** A clean list keeps the rows a sender can mail without worry, unless --keep or --all say otherwise. */
export const DEFAULT_KEEP: readonly Verdict[] = ["deliverable"];

const COMMON = {
  api: { type: "string" },
  key: { type: "string" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

const OUTPUT = {
  output: { type: "string", short: "o" },
  keep: { type: "string" },
  all: { type: "boolean", default: false },
} as const;

const FORMATS: Record<string, ResultFormat> = { ".csv": "csv", ".xlsx": "xlsx", ".json": "json" };

const usageError = (message: string) => new CliError(EXIT.usage, message);

/**
 * node:util parseArgs in strict mode, with its errors (unknown option, missing value, stray
 * argument) turned into usage errors.
 */
function parseStrict<const Options extends ParseArgsOptionsConfig>(args: string[], options: Options) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) throw usageError(error.message);
    throw error;
  }
}

/**
 * The API to talk to: --api, else MAILVET_API, else the local edge `npm start` runs (on
 * MAILVET_EDGE_PORT, 8787 by default); the key from --key, else MAILVET_API_KEY.
 *
 * @example
 * apiTarget({}, { MAILVET_EDGE_PORT: "9000" }); // { url: "http://127.0.0.1:9000", key: undefined }
 */
export function apiTarget(values: { api?: string | undefined; key?: string | undefined }, env: NodeJS.ProcessEnv): ApiTarget {
  const url = values.api || env.MAILVET_API || `http://127.0.0.1:${env.MAILVET_EDGE_PORT || 8787}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw usageError(`--api must be an http(s) URL, not "${url}"`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw usageError(`--api must be an http(s) URL, not "${url}"`);
  return { url: parsed.href.replace(/\/+$/, ""), key: values.key || env.MAILVET_API_KEY || undefined };
}

/**
 * The verdicts whose rows a results file keeps: --all for every row, --keep for a list, else
 * DEFAULT_KEEP.
 *
 * @example
 * keptVerdicts({ keep: "deliverable,risky", all: false }); // ["deliverable", "risky"]
 */
export function keptVerdicts(values: { keep?: string | undefined; all: boolean }): readonly Verdict[] | "all" {
  if (values.all && values.keep !== undefined) throw usageError("use either --keep or --all, not both");
  if (values.all) return "all";
  if (values.keep === undefined) return DEFAULT_KEEP;
  const names = values.keep
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((name) => !(VERDICTS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) throw usageError(`--keep takes verdicts from ${VERDICTS.join(", ")} (comma-separated), not "${values.keep}"`);
  return VERDICTS.filter((verdict) => names.includes(verdict));
}

/**
 * The results' format, from the output file's extension.
 *
 * @example
 * resultFormat("Clean.XLSX"); // "xlsx"
 */
export function resultFormat(path: string): ResultFormat {
  const extension = /\.[^./\\]+$/.exec(path)?.[0].toLowerCase() ?? "";
  const format = FORMATS[extension];
  if (!format) throw usageError(`the output must end in .csv, .xlsx or .json, not "${path}"`);
  return format;
}

function outputChoice(values: { output?: string | undefined; keep?: string | undefined; all: boolean }): OutputChoice {
  if (!values.output) throw usageError("say where the results go: -o <file.csv|file.xlsx|file.json>");
  return { path: values.output, format: resultFormat(values.output), keep: keptVerdicts(values) };
}

function onePositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw usageError(positionals.length === 0 ? `missing ${what}` : `expected one ${what}, got ${positionals.length}`);
  return positionals[0]!;
}

function parseVerify(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, { ...COMMON, "no-smtp": { type: "boolean", default: false }, timeout: { type: "string" } });
  if (values.help) return { name: "help" };
  if (positionals.length === 0) throw usageError("missing the address to verify");
  // The API checks the range (and says it); here only that it is a number at all.
  if (values.timeout !== undefined && !/^\d{1,6}$/.test(values.timeout)) throw usageError(`--timeout takes milliseconds, not "${values.timeout}"`);
  return {
    name: "verify",
    api: apiTarget(values, env),
    json: values.json,
    addresses: positionals,
    smtp: !values["no-smtp"],
    timeoutMs: values.timeout === undefined ? undefined : Number(values.timeout),
  };
}

function parseClean(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, { ...COMMON, ...OUTPUT });
  if (values.help) return { name: "help" };
  const input = onePositional(positionals, "input file (.csv or .xlsx)");
  const output = outputChoice(values);
  if (resolve(output.path) === resolve(input)) throw usageError("the output would overwrite the input; choose another -o");
  return { name: "clean", api: apiTarget(values, env), json: values.json, input, output };
}

function parseResults(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, { ...COMMON, ...OUTPUT });
  if (values.help) return { name: "help" };
  return { name: "results", api: apiTarget(values, env), json: values.json, jobId: onePositional(positionals, "job id"), output: outputChoice(values) };
}

function parseStatus(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, COMMON);
  if (values.help) return { name: "help" };
  return { name: "status", api: apiTarget(values, env), json: values.json, jobId: onePositional(positionals, "job id") };
}

const SUPPRESSION_KINDS: readonly SuppressionKind[] = ["hard", "soft", "complaint"];

function suppressionKind(value: string | undefined): SuppressionKind | undefined {
  if (value === undefined) return undefined;
  const kind = SUPPRESSION_KINDS.find((known) => known === value.toLowerCase());
  if (!kind) throw usageError(`--kind takes ${SUPPRESSION_KINDS.join(", ")}, not "${value}"`);
  return kind;
}

function parseSuppressions(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, {
    ...COMMON,
    kind: { type: "string" },
    reason: { type: "string" },
    status: { type: "string" },
    output: { type: "string", short: "o" },
  });
  if (values.help) return { name: "help" };
  const [action, ...rest] = positionals;
  const common = { name: "suppressions", api: apiTarget(values, env), json: values.json } as const;
  const kind = suppressionKind(values.kind);
  switch (action) {
    case "list":
      if (rest.length > 0) throw usageError("suppressions list takes no address; use --kind to filter");
      return { ...common, action, kind };
    case "add":
      if (!kind) throw usageError("say the kind: --kind hard|soft|complaint");
      return {
        ...common,
        action,
        address: onePositional(rest, "address"),
        kind,
        reason: values.reason ?? (kind === "complaint" ? "complaint" : kind === "hard" ? "user_unknown" : "unclassified"),
        status: values.status,
      };
    case "remove":
      return { ...common, action, address: onePositional(rest, "address") };
    case "export":
      if (!values.output) throw usageError("say where the list goes: -o <file.csv>");
      if (rest.length > 0) throw usageError("suppressions export takes no address");
      return { ...common, action, kind, output: values.output };
    default:
      throw usageError(action === undefined ? "missing what to do: suppressions list|add|remove|export" : `unknown suppressions action "${action}"`);
  }
}

function parseBounces(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, COMMON);
  if (values.help) return { name: "help" };
  const [action, ...rest] = positionals;
  if (action !== "import") throw usageError(action === undefined ? "missing what to do: bounces import <file>" : `unknown bounces action "${action}"`);
  return { name: "bounces", api: apiTarget(values, env), json: values.json, action, file: onePositional(rest, "file (a .csv export or an .mbox of bounces)") };
}

function parseReputation(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, { ...COMMON, domain: { type: "string" }, ip: { type: "string", multiple: true } });
  if (values.help) return { name: "help" };
  if (positionals.length > 0) throw usageError(`unexpected "${positionals[0]}"; give --domain <domain> and/or --ip <ip>`);
  const ips = (values.ip ?? [])
    .flatMap((ip) => ip.split(","))
    .map((ip) => ip.trim())
    .filter(Boolean);
  if (!values.domain && ips.length === 0) throw usageError("give --domain <domain>, --ip <ip>, or both");
  // The API checks the domain and the addresses (and says what is wrong).
  return { name: "reputation", api: apiTarget(values, env), json: values.json, domain: values.domain || undefined, ips };
}

function parseDoctor(args: string[], env: NodeJS.ProcessEnv): Command {
  const { values, positionals } = parseStrict(args, COMMON);
  if (values.help) return { name: "help" };
  if (positionals.length > 0) throw usageError(`doctor takes no arguments, got "${positionals[0]}"`);
  return { name: "doctor", api: apiTarget(values, env), json: values.json };
}

const PARSERS: Record<string, (args: string[], env: NodeJS.ProcessEnv) => Command> = {
  verify: parseVerify,
  clean: parseClean,
  results: parseResults,
  status: parseStatus,
  suppressions: parseSuppressions,
  bounces: parseBounces,
  reputation: parseReputation,
  doctor: parseDoctor,
};

/**
 * Reads the command line (without `node` and the script) into a Command, or throws a usage
 * CliError saying what is wrong. Options belong to their command and follow it.
 *
 * @example
 * parseCommandLine(["verify", "ann@example.org", "--json"], process.env);
 * // { name: "verify", addresses: ["ann@example.org"], json: true, smtp: true, … }
 */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv): Command {
  const [first, ...rest] = argv;
  if (first === undefined) throw usageError("missing the command");
  if (first === "help" || first === "--help" || first === "-h") return { name: "help" };
  if (first === "--version" || first === "-v") return { name: "version" };
  const parse = Object.hasOwn(PARSERS, first) ? PARSERS[first] : undefined;
  if (!parse) throw usageError(`unknown command "${first}"`);
  return parse(rest, env);
}
