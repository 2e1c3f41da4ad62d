/** What a command works with: the streams it prints to and the signal Ctrl-C fires. */
export interface CommandIo {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  signal: AbortSignal;
}
