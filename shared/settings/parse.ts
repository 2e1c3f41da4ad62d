import type { z } from "zod";
import { variables, type VariableName } from "./variables";

/** A variable's value: parsed, else its default; `undefined` only where it has none. */
export type SettingValue<Name extends VariableName> =
  | z.output<(typeof variables)[Name]["schema"]>
  | (undefined extends (typeof variables)[Name]["default"] ? undefined : never);

type Parsed<Names extends VariableName> = { [Name in Names]: SettingValue<Name> };

/** Settings that failed validation; the message names every bad variable. */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
}

/**
 * Validates the named MAILVET_* variables of an environment. Unset (or empty) variables take
 * their default from shared/settings/variables.ts (`undefined` where the reading process works
 * it out); any bad value fails the whole parse, naming the variable, so a process never starts
 * on a setting it misread.
 *
 * @example
 * parseSettings({}, ["MAILVET_EDGE_PORT"]); // { MAILVET_EDGE_PORT: 8787 }
 * parseSettings({ MAILVET_EDGE_PORT: "80x" }, ["MAILVET_EDGE_PORT"]);
 * // throws SettingsError: "MAILVET_EDGE_PORT: must be a port number"
 */
export function parseSettings<Names extends VariableName>(env: Record<string, unknown>, names: readonly Names[]): Parsed<Names> {
  const parsed: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const name of names) {
    const raw = env[name];
    if (raw === undefined || raw === "") {
      parsed[name] = variables[name].default;
      continue;
    }
    const result = variables[name].schema.safeParse(String(raw));
    if (result.success) parsed[name] = result.data;
    else problems.push(`${name}: ${result.error.issues.map((issue) => issue.message).join("; ")}`);
  }
  if (problems.length > 0) throw new SettingsError(problems.join("\n"));
  return parsed as Parsed<Names>;
}
