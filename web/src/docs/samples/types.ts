/** One operation's examples, one per language the docs promise, for the server at `origin`. */
export interface OperationSamples {
  curl: string;
  javascript: string;
  python: string;
}

export type SamplesFor = (origin: string) => OperationSamples;

/**
 * The key each language's example sends: a server that sets MAILVET_API_KEYS needs it, one
 * that does not ignores it, so every example runs as it is wherever MAILVET_API_KEY is set.
 */
export const AUTH = {
  curl: `-H "Authorization: Bearer $MAILVET_API_KEY"`,
  javascript: 'Authorization: `Bearer ${process.env.MAILVET_API_KEY ?? ""}`',
  python: `"Authorization": f"Bearer {os.environ.get('MAILVET_API_KEY', '')}"`,
};
