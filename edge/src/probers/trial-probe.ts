import { resolveMailDomain } from "../../../shared/dns";
import type { ProberEntry } from "../../../shared/settings/variables";
import { edgeResolver } from "../dns";
import type { EdgeSettings } from "../env";
import { askProbers } from "./ask";
import { ProberHealthBook } from "./health";
import { recordDomainAnswer } from "./review-db";

const TRIAL_DEADLINE_MS = 20_000;

/**
 * Asks one prober, and only it, about a made-up mailbox at a domain that blocked it: a degraded
 * prober gets no work, so without a trial it would never show that the block was lifted. Any
 * answer from the server that is not a block (an unknown mailbox, an accepted one) lifts that
 * domain's block; a block again renews it. A made-up local part is what a catch-all check sends
 * too, and no one's address is ever used.
 *
 * @example
 * await trialProbe(env.JOBS_DB, settings, prober, "example.org"); // "lifted", "blocked" or "no answer"
 */
export async function trialProbe(db: D1Database, settings: EdgeSettings, prober: ProberEntry, domain: string): Promise<"lifted" | "blocked" | "no answer"> {
  const facts = await resolveMailDomain(edgeResolver(settings.dohUrls), domain);
  if (!("mx" in facts) || facts.mx.length === 0) return "no answer";
  const local = `mailvet-trial-${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
  const answer = await askProbers(
    { domain, mx: facts.mx, addresses: [{ address: `${local}@${domain}`, smtputf8: false }] },
    { probers: [prober], regionHint: undefined, health: new ProberHealthBook(), secrets: settings.proberSecrets, deadline: Date.now() + TRIAL_DEADLINE_MS },
  );
  const result = answer.kind === "answered" ? answer.response.results[0] : undefined;
  if (!result || result.code === null) return "no answer";
  const blocked = result.reason === "blocked";
  await recordDomainAnswer(db, prober.id, domain, Date.now(), blocked ? result.rule : undefined);
  return blocked ? "blocked" : "lifted";
}
