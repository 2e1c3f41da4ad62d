import { createInterface } from "node:readline/promises";
import { Writable } from "node:stream";
import { DeployRefused, deploy } from "./deploy";
import { wranglerOnPath, WranglerError } from "./wrangler-cli";

/**
 * `npm run deploy -- <staging|production> [--config wrangler.toml]`. A missing secret is taken
 * from the environment variable of its name, else asked for on the terminal (not echoed).
 */
const [environment, ...rest] = process.argv.slice(2);
const configIndex = rest.indexOf("--config");
const configPath = configIndex >= 0 ? rest[configIndex + 1] : "wrangler.toml";

/** Reads a secret from the terminal without echoing it; undefined when there is no terminal. */
async function ask(secret: string): Promise<string | undefined> {
  if (!process.stdin.isTTY) return undefined;
  process.stdout.write(`${secret} (not echoed): `);
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const prompt = createInterface({ input: process.stdin, output: silent, terminal: true });
  const value = await prompt.question("");
  prompt.close();
  process.stdout.write("\n");
  return value.trim() || undefined;
}

if (!environment || environment.startsWith("-") || !configPath) {
  console.error("usage: npm run deploy -- <staging|production> [--config wrangler.toml]");
  process.exit(2);
}
try {
  await deploy({ environment, configPath, wrangler: wranglerOnPath(process.env), secretValues: process.env, log: console.log, ask });
} catch (error) {
  // A refusal or wrangler's own failure is the whole story; anything else keeps its stack.
  if (!(error instanceof DeployRefused || error instanceof WranglerError)) throw error;
  console.error(`deploy ${environment}: ${error.message}`);
  process.exit(1);
}
