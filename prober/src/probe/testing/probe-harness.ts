import { afterEach } from "vitest";
import type { ProbeRequest } from "../../../../shared/contract/probe";
import { openSmtpSession, type SmtpSessionOptions } from "../../smtp/client";
import type { ScriptedServer } from "../../smtp/testing/scripted-server";
import { useScriptedServers } from "../../smtp/testing/use-scripted-servers";
import { createProbeService, type ProbeServiceSettings } from "../service";
import { fakeResolver, type FakeHost } from "./fake-resolver";
import { startLoopbackAlias, type LoopbackAlias } from "./loopback-alias";

/**
 * Settings for a prober under test: loopback allowed, limits raised, DNS nowhere (a fake answers).
 *
 * @example
 * createProbeService(testSettings(server.port, { maxSessions: 1 }), { resolver });
 */
export function testSettings(smtpPort: number, overrides: Partial<ProbeServiceSettings> = {}): ProbeServiceSettings {
  return {
    heloName: "probe.test",
    mailFrom: "verify@probe.test",
    smtpPort,
    allowPrivateTargets: true,
    dohUrls: ["http://127.0.0.1:9/dns-query"],
    maxSessions: 50,
    perHostSessions: 10,
    hostRcptPerSecond: 1000,
    catchAllTtlSeconds: 3600,
    sourceIp: undefined,
    ...overrides,
  };
}

/**
 * A probe request for example.org with its MX hosts in the order given (preference 10, 20, …).
 *
 * @example
 * probeRequest(["mx1.example.org", "mx2.example.org"], ["alice@example.org"], { budget_ms: 2000 });
 */
export function probeRequest(mxHosts: readonly string[], addresses: readonly string[], overrides: Partial<ProbeRequest> = {}): ProbeRequest {
  return {
    domain: "example.org",
    mx: mxHosts.map((host, index) => ({ host, preference: 10 * (index + 1) })),
    addresses: addresses.map((address) => ({ address, smtputf8: false })),
    budget_ms: 5000,
    ...overrides,
  };
}

/** Where the prober opened SMTP sessions, as it asked the client to. */
export interface SessionAttempt {
  readonly host: string;
  readonly ip: string;
  readonly port: number;
}

/**
 * Scripted MTAs, loopback aliases and probe services for one test file; all closed after each
 * test, and every server checked never to have received DATA.
 *
 * @example
 * const harness = useProbeHarness();
 * const server = await harness.servers.start({ respond: mta() });
 * const { service } = harness.service(server.port, { "mx1.example.org": ["127.0.0.1"] });
 */
export function useProbeHarness() {
  const servers = useScriptedServers();
  const aliases: LoopbackAlias[] = [];
  afterEach(async () => {
    for (const alias of aliases.splice(0)) await alias.close();
  });
  return {
    servers,
    /** `server` answering on `ip` at the SMTP port `port` too. */
    async alias(ip: string, port: number, server: ScriptedServer): Promise<void> {
      aliases.push(await startLoopbackAlias(ip, port, server.port));
    },
    service(smtpPort: number, hosts: Record<string, FakeHost>, overrides: Partial<ProbeServiceSettings> = {}) {
      const resolver = fakeResolver(hosts);
      const attempts: SessionAttempt[] = [];
      const openSession = (options: SmtpSessionOptions) => {
        attempts.push({ host: options.host, ip: options.ip, port: options.port });
        return openSmtpSession(options);
      };
      const service = createProbeService(testSettings(smtpPort, overrides), { resolver, openSession });
      return { service, resolver, attempts };
    },
  };
}
