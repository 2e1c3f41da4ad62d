import type { DoctorReport } from "../../../shared/contract/doctor";
import { createDohResolver, createMemoryCache } from "../../../shared/dns";
import { createEgressPolicy } from "../probe/egress";
import type { ProberSettings } from "../settings";
import type { BlockReplyWindow } from "./block-replies";
import { createPlainDnsResolver } from "./plain-dns-resolver";
import { runDoctor } from "./run-doctor";

export type DoctorSettings = Pick<
  ProberSettings,
  "heloName" | "mailFrom" | "egressIps" | "canaryMx" | "allowPrivateTargets" | "spamhausDqsKey" | "blocklistResolver" | "dohUrls" | "smtpPort"
>;

/**
 * The prober's doctor from its settings: a function that runs every check and answers the
 * report. Calls while a run is in flight share it, so a busy caller cannot make the prober ask
 * the block lists and the canary MX many times at once. DNS answers are not cached between runs:
 * a report says what DNS says now.
 *
 * @example
 * const doctor = createDoctor(settings, service.blockReplies);
 * const report = await doctor();
 */
export function createDoctor(settings: DoctorSettings, blockReplies: BlockReplyWindow): () => Promise<DoctorReport> {
  let running: Promise<DoctorReport> | null = null;
  const run = () =>
    runDoctor({
      ...settings,
      resolver: createDohResolver({ upstreams: settings.dohUrls, cache: createMemoryCache() }),
      blocklistResolver: settings.blocklistResolver === undefined ? null : createPlainDnsResolver(settings.blocklistResolver),
      egress: createEgressPolicy(settings),
      blockReplies,
    });
  return () => {
    running ??= run().finally(() => {
      running = null;
    });
    return running;
  };
}
