import { apiTarget, type ApiTarget, DEFAULT_KEEP, type OutputChoice } from "./args";

/** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command line that fetches a job's results later, to the same output with the same kept
 * verdicts, naming the API only when it is not the one the environment names anyway.
 *
 * @example
 * resultsCommand("5c1f…", { path: "my list.csv", format: "csv", keep: "all" }, target, process.env);
 * // "mailvet results 5c1f… -o 'my list.csv' --all"
 */
export function resultsCommand(jobId: string, output: OutputChoice, api: ApiTarget, env: NodeJS.ProcessEnv): string {
  const words = ["mailvet", "results", jobId, "-o", output.path];
  if (output.keep === "all") words.push("--all");
  else if (output.keep.join(",") !== DEFAULT_KEEP.join(",")) words.push("--keep", output.keep.join(","));
  if (api.url !== apiTarget({}, env).url) words.push("--api", api.url);
  return words.map(shellWord).join(" ");
}
