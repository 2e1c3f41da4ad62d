import { afterEach, expect } from "vitest";
import { openSmtpSession, type SmtpSessionOptions, type SmtpTimeouts } from "../client";
import { startScriptedServer, type ScriptedServer, type ScriptedServerOptions } from "./scripted-server";

/** Short enough that a test waiting for one is quick; long enough for a loaded machine. */
export const TEST_TIMEOUTS: SmtpTimeouts = { connectTimeoutMs: 5000, greetingTimeoutMs: 5000, commandTimeoutMs: 5000, tlsTimeoutMs: 5000 };

/**
 * Scripted servers for one test file: started on demand, closed after each test, and checked
 * after each test never to have received DATA (a prober must never send a message).
 *
 * @example
 * const servers = useScriptedServers();
 * const server = await servers.start({ respond: mta() });
 * const session = await servers.open(server);
 */
export function useScriptedServers() {
  const started: ScriptedServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) {
      expect(server.commands.filter((command) => /^DATA\b/i.test(command))).toEqual([]);
      await server.close();
    }
  });
  return {
    async start(options: ScriptedServerOptions): Promise<ScriptedServer> {
      const server = await startScriptedServer(options);
      started.push(server);
      return server;
    },
    open(server: ScriptedServer, options: Partial<SmtpSessionOptions> = {}) {
      return openSmtpSession({ host: "mx.test", ip: "127.0.0.1", port: server.port, heloName: "probe.test", timeouts: TEST_TIMEOUTS, ...options });
    },
  };
}
