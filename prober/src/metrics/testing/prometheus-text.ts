/** One sample of a scrape: the metric's name, its labels, its value. */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * The samples of a Prometheus text exposition (comments skipped), for tests that read a real
 * `/metrics`.
 *
 * @example
 * parseSamples('x_total{reason="full"} 2\n')[0]; // { name: "x_total", labels: { reason: "full" }, value: 2 }
 */
export function parseSamples(text: string): Sample[] {
  return text.split("\n").flatMap((line) => {
    const match = SAMPLE.exec(line);
    if (!match || line.startsWith("#")) return [];
    const labels = Object.fromEntries([...(match[2] ?? "").matchAll(LABEL)].map(([, name, value]) => [name!, value!]));
    return [{ name: match[1]!, labels, value: Number(match[3]) }];
  });
}

/**
 * The sum of the samples of `name` whose labels include `labels`; 0 when there is none.
 *
 * @example
 * sampleSum(samples, "mailvet_prober_refusals_total", { reason: "full" }); // 1
 */
export function sampleSum(samples: readonly Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples
    .filter((sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value))
    .reduce((sum, sample) => sum + sample.value, 0);
}
