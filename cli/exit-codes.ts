/** The CLI's exit codes, the same for every command, so scripts can branch on them. */
export const EXIT = { ok: 0, notDeliverable: 1, usage: 2, api: 3, input: 4, bug: 70, interrupted: 130 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What each exit code means, as `mailvet --help` lists them. */
export const EXIT_MEANINGS: Record<ExitCode, string> = {
  [EXIT.ok]: "done (verify: every address is deliverable)",
  [EXIT.notDeliverable]:
    "verify: at least one address is not deliverable (undeliverable, risky or unknown); reputation: a finding fails; doctor: a check of a prober is not passing",
  [EXIT.usage]: "bad command line: unknown command or option, missing or bad value",
  [EXIT.api]: "the API cannot be reached or failed: no connection, timeout, 5xx, key refused, a failed job",
  [EXIT.input]: "a file or input problem: unreadable or unwritable file, no e-mail column, too large, bad address, unknown job",
  [EXIT.bug]: "a bug in mailvet (the error is printed; please report it)",
  [EXIT.interrupted]: "interrupted (Ctrl-C); a bulk job keeps running on the server, and its id is printed",
};

/**
 * An error that ends the command with a given exit code and a message for the person at the
 * terminal. Anything else that escapes a command is a bug.
 *
 * @example
 * throw new CliError(EXIT.input, "list.csv: no such file");
 */
export class CliError extends Error {
  override readonly name = "CliError";

  constructor(
    readonly exitCode: ExitCode,
    message: string,
    /** Worth another try later: the API was unreachable, slow, overloaded or failed (5xx). */
    readonly transient = false,
  ) {
    super(message);
  }
}
