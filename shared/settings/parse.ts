import type { z } from "zod";
import { variables, type VariableName } from "./variables";

type Parsed<N extends VariableName> = { [K in N]?: z.output<(typeof variables)[K]> };

/** Settings that failed validation; the message names every bad variable. */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
}

/**
 * Validates the named MAILVET_* variables of an environment. Unset (or empty) variables are
 * left out, so the caller applies its defaults; any bad value fails the whole parse, naming the
 * variable, so a process never starts on a setting it misread.
 *
 * @example
 * parseSettings({ MAILVET_EDGE_PORT: "80x" }, ["MAILVET_EDGE_PORT"]);
 * // throws SettingsError: "MAILVET_EDGE_PORT: must be a port number"
 */
export function parseSettings<N extends VariableName>(
  env: Record<string, unknown>,
  names: readonly N[],
): Parsed<N> {
  const parsed: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of names) {
    const raw = env[name];
    if (raw === undefined || raw === "") continue;
    const result = variables[name].safeParse(String(raw));
    if (result.success) parsed[name] = result.data;
    else problems.push(`${name}: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  if (problems.length > 0) throw new SettingsError(problems.join("\n"));
  return parsed as Parsed<N>;
}
