import { readdirSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { FLAG_NAMES } from "../../shared/bulk/result-row";
import { type Reason, VERDICTS } from "../../shared/contract/taxonomy";
import type { JobStatus } from "../../cli/api-client";
import { startStack } from "../../infra/local/stack";
import { type BulkCsv, type BulkMailbox, generateBulkCsv } from "./bulk-csv";
import { type JobRun, type Phase, POLL_MS, runJob } from "./bulk-job";
import { type FarmLimits, RELAXED_HOST } from "./farm-limits";
import { type ProcStat, procStat } from "./proc-usage";
import { type SmtpBenchPeers, withSmtpPeers } from "./smtp-peers";
import { CONCURRENCY as NPM_CONCURRENCY, fastestPass, type ThroughputRow } from "./smtp-throughput";
import { startNpmVerifier, type VerifierName } from "./smtp-verifier";
import { sampleUsage, type SampledUsage } from "./usage-sampler";

/** Ports of their own, away from the other benches (18787/18788, 18797–18800, 18896–18898). */
const PORTS = { MAILVET_EDGE_PORT: "18997", MAILVET_PROBER_PORT: "18998" };
const ROWS = 100_000;
const DOMAINS = 2_000;
const SEED = 5;
/** Every name below it has the farm's mx1 as its MX (the zone's `*.bulk` wildcard). */
const PARENT_DOMAIN = "bulk.mailvet-mta.net";
/**
 * Politeness raised for the benchmark, through the environment (the defaults stay as they
 * are): all 2,000 domains share one MX host (mx1), where a real list spreads over many, and no
 * address may wait on a per-domain or per-server token. Per host, the prober opens as many sessions as the
 * throughput bench gives it.
 */
const POLITENESS = {
  MAILVET_PROBER_MAX_SESSIONS: "64",
  MAILVET_PROBER_PER_HOST_SESSIONS: "32",
  MAILVET_PROBER_HOST_RATE: "100000",
  MAILVET_JOB_DOMAIN_RATE: "100000",
};
/** The npm verifiers compared with, each opening an SMTP connection per address. */
const NPM_VERIFIERS: VerifierName[] = ["deep-email-validator", "email-existence", "@devmehq/email-validator-js"];
/** Rows of the list's start that each npm verifier checks; the fastest of three passes counts. */
const NPM_SAMPLE = 2_000;
/** A small job first: workerd compiles the Durable Object and queue consumer paths, the prober JITs. */
const WARM_UP = { rows: 500, domains: 20, seed: 6, parentDomain: PARENT_DOMAIN, labelPrefix: "warm-up-" };
/** What the farm answers for each kind of address, as the edge names it. */
const EXPECTED: Record<BulkMailbox, Reason> = { exists: "accepted", unknown: "mailbox_not_found", malformed: "invalid_syntax" };

type PerPhase = [plan: number, verify: number, assemble: number];

/** The processes whose usage is sampled: the stack's, and the farm's Postfix (not ours, but its share of the machine matters). */
const CONTRIBUTORS = ["workerd", "wrangler", "prober", "postfix"] as const;
type Contributor = (typeof CONTRIBUTORS)[number];

/** The checks of the results file against the input and the job's status. */
interface ResultChecks {
  /** Problems found, the first few of each kind; none when the results line up. */
  problems: string[];
  verdicts: Record<string, number>;
  reasons: Record<string, number>;
  /** Rows whose reason is what the farm's mailboxes say it should be. */
  agreeing: number;
}

export interface BulkBenchResult {
  rows: number;
  domains: number;
  /** Distinct addresses, case-folded: the mailboxes the list names. */
  mailboxes: number;
  uploadBytes: number;
  job: Omit<JobRun, "results">;
  resultBytes: number;
  checks: ResultChecks;
  smtpConnections: number;
  usage: Record<Contributor, SampledUsage>;
  /** Each process set's CPU seconds in each phase (POST → 202, → every row answered, → done), and its peak RSS by each phase's end. */
  phases: Record<Contributor, { cpuSeconds: PerPhase; peakRssBytes: PerPhase }>;
  /** The npm verifiers over the list's first NPM_SAMPLE rows. */
  npm: ThroughputRow[];
  /** The farm listener it ran against, and its Postfix limits (farm-limits.ts). */
  farm: FarmLimits;
  limits: string;
  seconds: number;
}

/**
 * The bulk pipeline end to end in local mode: a seeded 100,000-row CRM export over 2,000
 * domains (bulk-csv.ts: duplicates, malformed addresses, quoted fields with commas and line
 * breaks, CRLF) POSTed as text/csv to the edge in `wrangler dev` (R2, a Durable Object per
 * job, Queues, all through miniflare), verified by one prober against the local Postfix farm,
 * polled until done, and its results CSV downloaded and checked row by row against the input
 * and against the status counts. Memory and CPU of workerd, wrangler, the prober and the
 * farm's Postfix are sampled from /proc throughout; every SMTP connection passes a counting forwarder.
 * deep-email-validator, email-existence and @devmehq/email-validator-js, one SMTP connection
 * per address, check the list's first 2,000 rows in the same run, after the stack has stopped
 * (the fastest of three passes of each). All of it runs against the farm's stock listener, then
 * again against its relaxed one (mx-relaxed, no Postfix self-protection) where the farm has it.
 *
 * @example
 * printBulkBench(await benchBulk());
 */
export async function benchBulk(): Promise<BulkBenchResult[]> {
  const csv = generateBulkCsv({ rows: ROWS, domains: DOMAINS, seed: SEED, parentDomain: PARENT_DOMAIN });
  const results: BulkBenchResult[] = [];
  for (const farm of RELAXED_HOST ? (["stock", "relaxed"] as const) : (["stock"] as const)) results.push(await againstFarm(csv, farm));
  return results;
}

async function againstFarm(csv: BulkCsv, farm: FarmLimits): Promise<BulkBenchResult> {
  const started = performance.now();
  const result = await withSmtpPeers(async (peers) => {
    const ours = await throughStack(peers, csv);
    const npm: ThroughputRow[] = [];
    for (const verifier of NPM_VERIFIERS) npm.push(await throughNpmVerifier(verifier, peers, csv));
    return { ...ours, npm, farm, limits: peers.limits };
  }, farm);
  return {
    ...result,
    rows: csv.rows.length,
    domains: csv.domains,
    mailboxes: new Set(csv.rows.map(({ email }) => email.trim().toLowerCase())).size,
    uploadBytes: csv.bytes.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Our pipeline: the stack started fresh with raised politeness, a warm-up job, then the list. */
async function throughStack(peers: SmtpBenchPeers, csv: BulkCsv) {
  const stack = await startStack({ PATH: process.env.PATH, HOME: process.env.HOME, ...PORTS, ...peers.proberEnv, ...POLITENESS }, { freshState: true });
  try {
    await runJob(stack, generateBulkCsv(WARM_UP).bytes);
    // The stack starts the prober as a child of this process; Postfix's master leads the group of its daemons.
    const prober = processGroupOf("prober/src/main.ts", (p) => p.parent === process.pid);
    const postfix = processGroupOf(`${peers.farm.runDir}/conf`, (p) => p.command === "master");
    const sampler = sampleUsage({
      workerd: (p) => p.processGroup === stack.edgeProcessGroup && p.command === "workerd",
      wrangler: (p) => p.processGroup === stack.edgeProcessGroup && p.command !== "workerd",
      prober: (p) => p.processGroup === prober,
      postfix: (p) => p.processGroup === postfix,
    });
    const connectionsBefore = peers.proberSmtp.connections();
    const atPhase: Partial<Record<Phase | "posted", Record<Contributor, SampledUsage>>> = { posted: sampler.sample() };
    const run = await runJob(stack, csv.bytes, (phase) => (atPhase[phase] = sampler.sample())).finally(() => sampler.stop());
    const { results, ...job } = run;
    const at = (moment: Phase | "posted", name: Contributor) => atPhase[moment]![name];
    const phases = Object.fromEntries(
      CONTRIBUTORS.map((name) => {
        const cpu = (from: Phase | "posted", to: Phase) => at(to, name).cpuSeconds - at(from, name).cpuSeconds;
        const peakRssBytes: PerPhase = [at("accepted", name).peakRssBytes, at("answered", name).peakRssBytes, at("done", name).peakRssBytes];
        return [name, { cpuSeconds: [cpu("posted", "accepted"), cpu("accepted", "answered"), cpu("answered", "done")], peakRssBytes }];
      }),
    ) as BulkBenchResult["phases"];
    return {
      job,
      phases,
      usage: sampler.stop(),
      smtpConnections: peers.proberSmtp.connections() - connectionsBefore,
      resultBytes: Buffer.byteLength(results),
      checks: checkResults(csv, results, run.status),
    };
  } finally {
    await stack.stop();
  }
}
/** The process group of the process whose command line holds `text` and that `where` accepts. */
function processGroupOf(text: string, where: (process: ProcStat) => boolean): number {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = procStat(Number(entry));
      if (where(stat) && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(text)) return stat.processGroup;
    } catch {
      // Gone since the listing.
    }
  }
  throw new Error(`no process running ${text}`);
}

/**
 * Checks the results file: one row per input row, in input order, with every input cell as it
 * was (a short row padded), the header's answer columns, a verdict that agrees with its
 * reason, and verdict counts equal to the status's.
 */
function checkResults(csv: BulkCsv, text: string, status: JobStatus): ResultChecks {
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { skipEmptyLines: true });
  const [header = [], ...rows] = parsed.data;
  const problems: string[] = [];
  const report = (problem: string) => problems.length < 10 && problems.push(problem);
  const expectedHeader = [...csv.header, "verdict", "reason", ...FLAG_NAMES];
  if (header.join(",") !== expectedHeader.join(",")) report(`header is ${header.join(",")}`);
  if (rows.length !== csv.rows.length) report(`${rows.length} result rows for ${csv.rows.length} input rows`);
  const [verdictColumn, reasonColumn] = [csv.header.length, csv.header.length + 1];
  const verdicts: Record<string, number> = {};
  const reasons: Record<string, number> = {};
  let agreeing = 0;
  rows.forEach((cells, index) => {
    const input = csv.rows[index];
    if (!input) return;
    const original = csv.header.map((_, column) => input.cells[column] ?? "");
    if (original.some((cell, column) => cells[column] !== cell))
      report(`row ${index + 2} is ${JSON.stringify(cells.slice(0, csv.header.length))}, not ${JSON.stringify(original)}`);
    const [verdict = "", reason = ""] = [cells[verdictColumn], cells[reasonColumn]];
    verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
    reasons[reason] = (reasons[reason] ?? 0) + 1;
    if (reason === EXPECTED[input.mailbox]) agreeing++;
  });
  for (const verdict of VERDICTS) {
    if ((verdicts[verdict] ?? 0) !== status.counts[verdict])
      report(`${verdicts[verdict] ?? 0} ${verdict} rows in the results, ${status.counts[verdict]} in the status`);
  }
  if (status.processed !== status.total || status.total !== csv.rows.length)
    report(`status says ${status.processed} of ${status.total} rows processed, for ${csv.rows.length} rows`);
  return { problems, verdicts, reasons, agreeing };
}

/** An npm verifier over the list's first NPM_SAMPLE rows, the cells trimmed as any caller would. */
async function throughNpmVerifier(verifier: VerifierName, peers: SmtpBenchPeers, csv: BulkCsv): Promise<ThroughputRow> {
  const sample = csv.rows.slice(0, NPM_SAMPLE);
  const client = await startNpmVerifier(verifier, peers, NPM_CONCURRENCY);
  try {
    await client.validate(
      generateBulkCsv(WARM_UP)
        .rows.slice(0, NPM_CONCURRENCY)
        .map(({ email }) => email.trim()),
    );
    return await fastestPass(
      `${verifier} (SMTP on, ${NPM_CONCURRENCY} in flight), first ${sample.length.toLocaleString("en-US")} rows`,
      sample.length,
      client,
      async (record) => {
        const answers = await client.validate(sample.map(({ email }) => email.trim()));
        answers.forEach(({ valid, reason }, index) => record(reason ?? "valid", valid === (sample[index]!.mailbox === "exists")));
      },
    );
  } finally {
    await client.stop();
  }
}

/**
 * Prints the bench's results as markdown tables, one set per farm listener, then the listeners
 * side by side.
 *
 * @example
 * printBulkBench(await benchBulk());
 */
export function printBulkBench(results: BulkBenchResult[]): void {
  results.forEach(printOne);
  console.log("\n| farm | rows/s, POST → done | SMTP connections | rows answered timeout or deferred | rows agreeing with the farm |");
  console.log("|---|---:|---:|---:|---:|");
  for (const { farm, rows, job, smtpConnections, checks } of results) {
    const temporary = (checks.reasons.timeout ?? 0) + (checks.reasons.deferred ?? 0);
    console.log(
      `| ${farm} | ${Math.round(rows / job.doneSeconds).toLocaleString("en-US")} | ${smtpConnections.toLocaleString("en-US")} | ${temporary.toLocaleString("en-US")} | ${checks.agreeing.toLocaleString("en-US")} of ${rows.toLocaleString("en-US")} |`,
    );
  }
  console.log("\nTarget against the stock farm: no row answered timeout or deferred where the server gives a definitive answer.");
}

function printOne(result: BulkBenchResult): void {
  const { job, usage, npm, checks } = result;
  const count = (value: number) => Math.round(value).toLocaleString("en-US");
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const perSecond = result.rows / job.doneSeconds;
  console.log(
    `\n## Bulk job end to end, ${result.farm} farm (${count(result.rows)}-row CSV over ${count(result.domains)} domains, edge in wrangler dev → one prober → Postfix)\n`,
  );
  console.log(`Farm: ${result.limits}.\n`);
  console.log("| measure | value |");
  console.log("|---|---:|");
  const lines: [string, string][] = [
    ["rows / distinct mailboxes / domains", `${count(result.rows)} / ${count(result.mailboxes)} / ${count(result.domains)}`],
    ["upload", `${(result.uploadBytes / 1e6).toFixed(1)} MB`],
    ["POST → 202 (upload, plan, queue)", `${job.acceptedSeconds.toFixed(2)} s`],
    [`first progress report (polled every ${POLL_MS} ms), from POST`, `${job.firstProgressSeconds.toFixed(2)} s`],
    ["POST → every row answered", `${job.answeredSeconds.toFixed(1)} s`],
    ["POST → done (answers assembled)", `${job.doneSeconds.toFixed(1)} s`],
    ["**rows/s, POST → done**", `**${count(perSecond)}**`],
    ["rows/s, 202 → done", count(result.rows / (job.doneSeconds - job.acceptedSeconds))],
    ["results download (CSV)", `${job.downloadSeconds.toFixed(2)} s, ${(result.resultBytes / 1e6).toFixed(1)} MB`],
    ["SMTP connections opened", count(result.smtpConnections)],
    ...CONTRIBUTORS.flatMap((name): [string, string][] => {
      const { cpuSeconds, peakRssBytes } = result.phases[name];
      return [
        [`${name}: CPU (plan / verify / assemble)`, `${usage[name].cpuSeconds.toFixed(1)} s (${cpuSeconds.map((seconds) => seconds.toFixed(1)).join(" / ")})`],
        [`${name}: peak RSS (by the end of plan / verify / assemble)`, `${mb(usage[name].peakRssBytes)} MB (${peakRssBytes.map(mb).join(" / ")})`],
      ];
    }),
  ];
  for (const [measure, value] of lines) console.log(`| ${measure} | ${value} |`);

  console.log("\n| contender | rows | rows/s | mailvet is × faster | SMTP connections | client CPU s | client peak RSS MB | answers agreeing with the farm |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  const ours = CONTRIBUTORS.filter((name) => name !== "postfix");
  const ourCpu = ours.reduce((sum, name) => sum + usage[name].cpuSeconds, 0);
  const ourRss = ours.reduce((sum, name) => sum + usage[name].peakRssBytes, 0);
  console.log(
    `| mailvet bulk job (edge + prober) | ${count(result.rows)} | ${count(perSecond)} | 1.0 | ${count(result.smtpConnections)} | ${ourCpu.toFixed(1)} | ${mb(ourRss)} | ${count(checks.agreeing)} |`,
  );
  for (const row of npm) {
    console.log(
      `| ${row.contender} | ${count(row.addresses)} | ${count(row.perSecond)} | ${(perSecond / row.perSecond).toFixed(1)} | ${count(row.smtpConnections)} | ${row.cpuSeconds.toFixed(1)} | ${mb(row.peakRssBytes)} | ${count(row.correct)} |`,
    );
  }

  const marks = progressMarks(job.timeline, result.rows);
  console.log(`\nProgress (s after POST → rows): ${marks.map(({ seconds, processed }) => `${seconds.toFixed(1)} → ${count(processed)}`).join("; ")}.`);
  const tally = (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([name, n]) => `${count(n)} ${name}`)
      .join(", ");
  console.log(`Results: ${tally(checks.verdicts)} (${tally(checks.reasons)}).`);
  for (const row of npm) {
    console.log(
      `${row.contender.split(" ")[0]}: ${tally(row.answers)} in the fastest pass; rows/s of its ${row.rounds.length} passes ${row.rounds.map(count).join(", ")}.`,
    );
  }
  console.log(
    checks.problems.length === 0
      ? "Checks: one result row per input row, in order, cells intact; verdict counts equal the status's."
      : `Checks FAILED:\n- ${checks.problems.join("\n- ")}`,
  );
  console.log(`\nTarget: at least 1,000 rows/s, with far fewer SMTP connections than rows. Bench run time ${result.seconds.toFixed(1)} s.`);
}

/** The polls nearest each tenth of the job, so the timeline fits on a line. */
function progressMarks(timeline: JobRun["timeline"], total: number): JobRun["timeline"] {
  const marks = Array.from({ length: 10 }, (_, tenth) => timeline.find(({ processed }) => processed >= ((tenth + 1) * total) / 10));
  return [...new Set([timeline.find(({ processed }) => processed > 0), ...marks])].filter((mark) => mark !== undefined);
}
