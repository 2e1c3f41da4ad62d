import { parseSettings, SettingsError } from "../../shared/settings/parse";
import { LOOPBACK_HOST } from "../../shared/settings/value-parsers";
import { EDGE_VARIABLES } from "../../shared/settings/variables";

/** The edge's settings that are secrets: set with `wrangler secret put`, never in wrangler.toml. */
export const EDGE_SECRETS = ["MAILVET_PROBER_SECRET", "MAILVET_API_KEYS"] as const;

/** Test-only switches a deployed edge must not have on. */
const TEST_ONLY = ["MAILVET_ALLOW_RESERVED_DOMAINS", "MAILVET_JOB_WEBHOOK_ALLOW_PRIVATE"] as const;

/** What the check found: problems refuse the deploy, notes are printed and it goes on. */
export interface EdgeCheck {
  problems: string[];
  notes: string[];
}

/** An environment's settings as deploy knows them: secrets already set are known by name only. */
export interface DeploySettings {
  /** wrangler.toml's `[env.<name>.vars]`. */
  vars: Record<string, string>;
  /** Secrets about to be put, with their values. */
  newSecrets: Record<string, string>;
  /** Names of the secrets the Worker has already. */
  existingSecrets: ReadonlySet<string>;
}

/**
 * Checks what a deployed edge will run on, before anything is deployed: the environment's vars
 * and the secret values about to be put, through the same validation the Worker uses
 * (shared/settings), plus what only a deployment forbids: secrets in plain vars, test-only
 * switches, probers on loopback (Cloudflare cannot reach them), probers without a hop secret.
 *
 * @example
 * checkEdgeSettings({ vars: { MAILVET_PROBERS: '[{"id":"eu1","region":"eu","url":"http://127.0.0.1:8788"}]' }, newSecrets: {}, existingSecrets: new Set() });
 * // { problems: ["MAILVET_PROBERS: prober eu1 is on loopback …", "MAILVET_PROBER_SECRET: …"], notes: [] }
 */
export function checkEdgeSettings({ vars, newSecrets, existingSecrets }: DeploySettings): EdgeCheck {
  const problems: string[] = [];
  const notes: string[] = [];
  const secretsSet = new Set([...existingSecrets, ...Object.keys(newSecrets)]);
  for (const name of EDGE_SECRETS)
    if (name in vars) problems.push(`${name}: a secret must not be in wrangler.toml's vars; remove it, npm run deploy asks for it`);
  let parsed: ReturnType<typeof parseSettings<(typeof EDGE_VARIABLES)[number]>>;
  try {
    parsed = parseSettings({ ...vars, ...newSecrets }, EDGE_VARIABLES);
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return { problems: [...problems, ...error.message.split("\n")], notes };
  }
  for (const name of TEST_ONLY) if (parsed[name]) problems.push(`${name}: is for tests only; a deployed edge must have it "0"`);
  for (const prober of parsed.MAILVET_PROBERS)
    if (LOOPBACK_HOST.test(new URL(prober.url).hostname))
      problems.push(`MAILVET_PROBERS: prober ${prober.id} is on loopback (${prober.url}); a deployed edge needs its public https URL`);
  if (parsed.MAILVET_PROBERS.length === 0)
    notes.push("MAILVET_PROBERS is not set: this edge will not probe SMTP; results that need it answer unknown/smtp_skipped and /healthz says so");
  else if (!secretsSet.has("MAILVET_PROBER_SECRET"))
    problems.push("MAILVET_PROBER_SECRET: must be set when MAILVET_PROBERS lists probers; each prober has the same key");
  if (!secretsSet.has("MAILVET_API_KEYS")) problems.push("MAILVET_API_KEYS: must be set; a deployed edge without keys would be open to anyone");
  return { problems, notes };
}
