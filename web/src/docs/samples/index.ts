import { JOB_SAMPLES } from "./jobs";
import type { OperationSamples } from "./types";
import { VERIFY_SAMPLES } from "./verify";

const SAMPLES = { ...VERIFY_SAMPLES, ...JOB_SAMPLES };

/** How Scalar shows each language: the label in its menu, the language for highlighting. */
const LANGUAGES: { key: keyof OperationSamples; label: string; lang: string }[] = [
  { key: "curl", label: "curl", lang: "shell" },
  { key: "javascript", label: "JavaScript", lang: "javascript" },
  { key: "python", label: "Python", lang: "python" },
];

type OpenApiDocument = { paths?: Record<string, Record<string, Record<string, unknown>>> };

/**
 * Adds the examples to the OpenAPI document as `x-codeSamples`, the extension Scalar shows, for
 * the server at `origin`. They are written by hand rather than generated because generation
 * goes wrong here: it fills optional parameters with their first enum value (`smtp=0`), sends
 * an empty `webhook_url` that the API refuses, and encodes Python's query parameters twice.
 * test/browser/docs.test.ts runs every one of them against the real stack.
 *
 * @example
 * const document = withCodeSamples(await (await fetch("/openapi.json")).json(), location.origin);
 */
export function withCodeSamples<T extends OpenApiDocument>(document: T, origin: string): T {
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const samples = SAMPLES[`${method} ${path}`]?.(origin);
      if (samples) operation["x-codeSamples"] = LANGUAGES.map(({ key, label, lang }) => ({ lang, label, source: samples[key] }));
    }
  }
  return document;
}
