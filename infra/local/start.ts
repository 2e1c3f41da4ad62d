/**
 * `npm start`: the edge on 127.0.0.1:$MAILVET_EDGE_PORT and one prober on
 * 127.0.0.1:$MAILVET_PROBER_PORT, wired with a fresh hop secret. Ctrl-C stops both.
 */
import { SettingsError } from "../../shared/settings/parse";
import { startStack } from "./stack";

try {
  const stack = await startStack(process.env);
  console.log(
    `Mailvet is up: edge ${stack.edgeUrl} (try ${stack.edgeUrl}/v1/verify?email=you@example.org&smtp=false), prober ${stack.proberUrl}. Ctrl-C stops both.`,
  );
  let stopping = false;
  const shutdown = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(exitCode);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  void stack.died.then((name) => {
    if (stopping) return;
    console.error(`${name} stopped unexpectedly; stopping the rest`);
    void shutdown(1);
  });
} catch (error) {
  if (error instanceof SettingsError) {
    console.error(`Bad settings, nothing started:\n${error.message}`);
    process.exit(2);
  }
  console.error(`Could not start Mailvet: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
