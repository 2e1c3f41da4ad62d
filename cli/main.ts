import { createRequire } from "node:module";
import { type Command, parseCommandLine } from "./args";
import { CliError, EXIT, type ExitCode } from "./exit-codes";
import type { CommandIo } from "./io";
import { runDoctor } from "./doctor-command";
import { runClean, runResults, runStatus } from "./job-commands";
import { HELP, SYNOPSIS } from "./usage";
import { runSuppressions } from "./suppressions-command";
import { runBouncesImport } from "./bounces-command";
import { runReputation } from "./reputation-command";
import { runVerify } from "./verify-command";

function run(command: Command, io: CommandIo): Promise<ExitCode> | ExitCode {
  switch (command.name) {
    case "help":
      io.stdout.write(HELP);
      return EXIT.ok;
    case "version":
      io.stdout.write(`${(createRequire(import.meta.url)("../package.json") as { version: string }).version}\n`);
      return EXIT.ok;
    case "verify":
      return runVerify(command, io);
    case "clean":
      return runClean(command, io);
    case "results":
      return runResults(command, io);
    case "status":
      return runStatus(command, io);
    case "suppressions":
      return runSuppressions(command, io);
    case "bounces":
      return runBouncesImport(command, io);
    case "reputation":
      return runReputation(command, io);
    case "doctor":
      return runDoctor(command, io);
  }
}

/**
 * The `mailvet` command: runs one command line and resolves with its exit code, having
 * printed what went wrong, if anything, to stderr. The first Ctrl-C stops the command
 * cleanly (exit 130); a second one kills the process.
 *
 * @example
 * process.exitCode = await main(process.argv.slice(2));
 */
export async function main(argv: string[]): Promise<ExitCode> {
  const interrupt = new AbortController();
  const onSigint = () => interrupt.abort();
  process.once("SIGINT", onSigint);
  const io: CommandIo = { stdout: process.stdout, stderr: process.stderr, signal: interrupt.signal };
  try {
    return await run(parseCommandLine(argv, process.env), io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`mailvet: ${error.message}\n`);
      if (error.exitCode === EXIT.usage) io.stderr.write(`\n${SYNOPSIS}\nSee mailvet --help for the options and exit codes.\n`);
      return error.exitCode;
    }
    if (interrupt.signal.aborted) {
      io.stderr.write("mailvet: stopped\n");
      return EXIT.interrupted;
    }
    io.stderr.write(`mailvet: unexpected error, please report it:\n${error instanceof Error ? error.stack : String(error)}\n`);
    return EXIT.bug;
  } finally {
    process.off("SIGINT", onSigint);
  }
}
