import type { Responder } from "./scripted-server";

/**
 * Wraps a responder to count the sessions open at once (from EHLO to QUIT) and keep the most
 * there ever were, for tests of the prober's session limits.
 *
 * @example
 * const counted = countOpenSessions(mta());
 * const server = await startScriptedServer({ respond: counted.respond });
 * counted.most(); // 2
 */
export function countOpenSessions(respond: Responder): { respond: Responder; most: () => number } {
  let open = 0;
  let most = 0;
  return {
    respond: (command, session) => {
      if (command.startsWith("EHLO")) most = Math.max(most, ++open);
      if (command === "QUIT") open--;
      return respond(command, session);
    },
    most: () => most,
  };
}
