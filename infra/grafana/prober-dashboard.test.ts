import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freeLoopbackPort } from "../local/dns/free-port";
import { type ManagedProcess, startProcess, waitForHealthy } from "../local/processes";

interface Panel {
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync(new URL("prober-dashboard.json", import.meta.url), "utf8")) as { panels: Panel[] };

/**
 * The metric names a PromQL expression reads: what is left once strings, label matchers, ranges,
 * `by (…)`/`without (…)` groupings, function calls, keywords and numbers are taken out.
 *
 * @example
 * metricNames('sum by (reason) (rate(x_total{a="b"}[5m]))'); // ["x_total"]
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, "")
    .replace(/\{[^}]*\}/g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, "");
  // Whole identifiers only; one followed by "(" is a function.
  const names = [...bare.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)].filter((match) => !/^\s*\(/.test(bare.slice(match.index + match[0].length)));
  return names.map(([name]) => name).filter((name) => !/^(?:and|or|unless|bool|offset)$/.test(name));
}

/** The sample names a scrape can hold: each family's, and a histogram's or summary's series. */
function exportedNames(exposition: string): Set<string> {
  const names = new Set<string>();
  for (const [, name, type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    names.add(name!);
    if (type === "histogram") for (const suffix of ["_bucket", "_sum", "_count"]) names.add(name! + suffix);
    if (type === "summary") for (const suffix of ["_sum", "_count"]) names.add(name! + suffix);
  }
  return names;
}

describe("infra/grafana/prober-dashboard.json", () => {
  let prober: ManagedProcess;
  let exported: Set<string>;

  beforeAll(async () => {
    const [port, metricsPort] = [await freeLoopbackPort(), await freeLoopbackPort()];
    prober = startProcess("prober", process.execPath, ["--import", "tsx", "prober/src/main.ts"], {
      PATH: process.env.PATH,
      MAILVET_PROBER_PORT: String(port),
      MAILVET_PROBER_METRICS_PORT: String(metricsPort),
      MAILVET_PROBER_SECRET: "dashboard-test-key-0123456789abcdef",
      // Nothing answers there: the test never resolves a name.
      MAILVET_DOH_URL: "http://127.0.0.1:9/dns-query",
    });
    await waitForHealthy(`http://127.0.0.1:${port}/healthz`, prober, 30_000);
    exported = exportedNames(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text());
  }, 40_000);
  afterAll(async () => {
    await prober?.stop();
  });

  it("reads the names of metrics out of PromQL", () => {
    expect(metricNames('histogram_quantile(0.95, sum by (le, type) (rate(a_bucket{instance=~"$instance"}[$__rate_interval])))')).toEqual(["a_bucket"]);
    expect(metricNames("sum(rate(a_total[5m])) / sum(rate(b_total[5m]))")).toEqual(["a_total", "b_total"]);
  });

  it("has panels, each with at least one query", () => {
    expect(dashboard.panels.length).toBeGreaterThan(0);
    for (const panel of dashboard.panels) expect(panel.targets?.length ?? 0, panel.title).toBeGreaterThan(0);
  });

  it("queries only metrics the prober exports", () => {
    expect(exported.has("mailvet_prober_probes_total")).toBe(true);
    for (const panel of dashboard.panels)
      for (const { expr } of panel.targets ?? []) {
        const names = metricNames(expr);
        expect(names.length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
        expect(
          names.filter((name) => !exported.has(name)),
          `${panel.title}: ${expr}`,
        ).toEqual([]);
      }
  });

  it("shows every metric of the prober's own", () => {
    const queried = new Set(dashboard.panels.flatMap((panel) => (panel.targets ?? []).flatMap(({ expr }) => metricNames(expr))));
    const families = [...exported].filter((name) => name.startsWith("mailvet_prober_") && !/_(?:bucket|sum|count)$/.test(name));
    const shown = (family: string) => [...queried].some((name) => name === family || name.startsWith(`${family}_`));
    expect(families.filter((family) => !shown(family))).toEqual([]);
  });
});
