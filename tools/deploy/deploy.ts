import { readFileSync, writeFileSync } from "node:fs";
import { type EnvironmentPlan, readEnvironment } from "./config";
import { checkEdgeSettings, EDGE_SECRETS } from "./edge-settings";
import { ensureResources } from "./resources";
import { type Wrangler, WranglerError } from "./wrangler-cli";

/** A deploy refused before anything was changed; the message lists every reason. */
export class DeployRefused extends Error {
  override readonly name = "DeployRefused";
}

export interface DeployOptions {
  environment: string;
  configPath: string;
  wrangler: Wrangler;
  /** Where a missing secret's value is taken from first (e.g. CI's environment). */
  secretValues: Record<string, string | undefined>;
  log(line: string): void;
  /** Asks the person deploying for a missing secret; undefined when nobody can answer. */
  ask(secret: string): Promise<string | undefined>;
}

/**
 * The first deploy of an environment and every later one: checks the settings, asks for each
 * missing secret, refuses (changing nothing) when the edge would run badly configured, then
 * creates the resources that are missing (writing their ids into wrangler.toml), puts the new
 * secrets, applies D1's migrations remotely and deploys the Worker (its Durable Object
 * migrations come with it, from wrangler.toml's [[migrations]]). A second run creates and puts
 * nothing.
 *
 * @example
 * await deploy({ environment: "staging", configPath: "wrangler.toml", wrangler: wranglerOnPath(process.env), secretValues: process.env, log: console.log, ask });
 */
export async function deploy(options: DeployOptions): Promise<void> {
  const { environment, configPath, wrangler, log } = options;
  const plan = readEnvironment(readFileSync(configPath, "utf8"), environment);
  const scope = ["--config", configPath, "--env", environment];
  refuseOnProblems(checkEdgeSettings({ vars: plan.vars, newSecrets: {}, existingSecrets: new Set(EDGE_SECRETS) }).problems);

  const existingSecrets = listSecrets(wrangler, scope);
  const newSecrets: Record<string, string> = {};
  for (const name of missingSecrets(plan, existingSecrets)) {
    const value = options.secretValues[name] || (await options.ask(name));
    if (value) newSecrets[name] = value;
  }
  const check = checkEdgeSettings({ vars: plan.vars, newSecrets, existingSecrets });
  refuseOnProblems(check.problems);
  for (const note of check.notes) log(`note: ${note}`);

  const toml = readFileSync(configPath, "utf8");
  const updated = ensureResources(plan, toml, wrangler, log);
  if (updated !== toml) writeFileSync(configPath, updated);
  for (const [name, value] of Object.entries(newSecrets)) {
    wrangler(["secret", "put", name, ...scope], value);
    log(`secret ${name} set`);
  }
  for (const database of plan.d1) log(wrangler(["d1", "migrations", "apply", database.name, "--remote", ...scope]).trim());
  log(wrangler(["deploy", ...scope]).trim());
}

function refuseOnProblems(problems: string[]): void {
  if (problems.length > 0) throw new DeployRefused(`not deployed, nothing changed:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
}

/** The secrets this environment needs and does not have: the hop key only when it has probers. */
function missingSecrets(plan: EnvironmentPlan, existing: ReadonlySet<string>): string[] {
  const needed = EDGE_SECRETS.filter((name) => name !== "MAILVET_PROBER_SECRET" || plan.vars.MAILVET_PROBERS);
  return needed.filter((name) => !existing.has(name));
}

/** Names of the Worker's secrets; none before its first deploy, when Cloudflare has no such Worker. */
function listSecrets(wrangler: Wrangler, scope: string[]): Set<string> {
  try {
    const secrets = JSON.parse(wrangler(["secret", "list", "--format", "json", ...scope])) as { name: string }[];
    return new Set(secrets.map((secret) => secret.name));
  } catch (error) {
    if (error instanceof WranglerError && /\b10007\b|does not exist|not found/i.test(error.output)) return new Set();
    throw error;
  }
}
