import type { TestProject } from "vitest/node";
import type {} from "../../../shared/dns/testing/provided-context";
import { dnsPeerInstalled, startDnsPeer } from "./peer";
import { startStubUpstreams } from "./stub-upstreams";

/**
 * vitest global setup: one local DNS peer and one set of stub upstreams for the whole run,
 * stopped when it ends. Where unbound or dnsdist is missing (a plain `npm test` on a machine
 * that never ran `npm run test:all`) the peer's tests are skipped, except under
 * `npm run test:all`, where that fails the run.
 *
 * @example
 * // vitest.config.ts, in a project: globalSetup: ["infra/local/dns/global-setup.ts"]
 * // a test: const dohUrl = inject("dnsPeerUrl");
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const installed = dnsPeerInstalled();
  // `npm run test:all` sets MAILVET_REQUIRE_PEERS: there a missing peer fails the run instead
  // of quietly skipping the suites that need it.
  if (!installed && process.env.MAILVET_REQUIRE_PEERS === "1") {
    throw new Error("unbound or dnsdist is not installed; infra/local/install-peers.sh installs them");
  }
  const peer = installed ? await startDnsPeer() : undefined;
  if (peer === undefined) console.warn("DNS peer tests skipped: unbound or dnsdist is not installed (npm run test:all installs them)");
  const stubs = await startStubUpstreams({ forwardTo: peer?.dohUrl });
  project.provide("dnsPeerUrl", peer?.dohUrl ?? null);
  project.provide("stubUpstreamsUrl", stubs.baseUrl);
  project.provide("dnsPeerServer", peer?.dnsServer ?? null);
  return async () => {
    await stubs.stop();
    await peer?.stop();
  };
}
