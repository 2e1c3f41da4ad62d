import type { WanResult, WanRow } from "./wan";

/**
 * Prints a WAN bench result as markdown: the list, the farm's limits, one row per contender
 * with its speed against the best npm verifier, and what each answered.
 *
 * @example
 * printWan(await benchWan());
 */
export function printWan({ list, oneWayMs, farmLimits, rows, seconds }: WanResult): void {
  const count = (value: number) => Math.round(value).toLocaleString("en-US");
  const theirs = rows.filter((row) => !row.contender.startsWith("mailvet"));
  const best = theirs.reduce<WanRow | undefined>((top, row) => (top && top.perSecond >= row.perSecond ? top : row), undefined);
  const domains = new Set(list.addresses.map(({ domain }) => domain)).size;
  const unknown = list.addresses.filter(({ exists }) => !exists).length;
  const kindOf = new Map<string, string>(
    list.providers.flatMap(({ kind, domains }) => domains.map((label): [string, string] => [`${label}.bulk.mailvet-mta.net`, kind])),
  );
  const share = (kind: string) => list.addresses.filter(({ domain }) => kindOf.get(domain) === kind).length;
  console.log(
    `\n## SMTP over a simulated internet (${count(list.addresses.length)} addresses, ${oneWayMs} ms each way, ${list.hosts.length - 1} mail servers, 16 in flight)\n`,
  );
  console.log(
    `List: ${count(domains)} domains; ${count(share("big"))} addresses at one big provider (4 MX hosts), ${count(share("mid"))} at 5 mid-sized ones, ${count(share("small"))} at small domains on shared hosts; ${count(unknown)} unknown mailboxes.`,
  );
  console.log(`Farm: ${farmLimits}.\n`);
  console.log("| contender | addresses/s | × the best npm verifier | SMTP connections | per address | right answers | seconds |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const row of rows) {
    const ratio = best ? (row.perSecond / best.perSecond).toFixed(2) : "–";
    console.log(
      `| ${row.contender} | ${row.perSecond.toFixed(1)} | ${ratio} | ${count(row.smtpConnections)} | ${(row.smtpConnections / row.addresses).toFixed(3)} | ${count(row.right)} of ${count(row.addresses)} | ${row.seconds.toFixed(1)} |`,
    );
  }
  console.log("");
  for (const row of rows) {
    const answers = Object.entries(row.answers)
      .sort(([, a], [, b]) => b - a)
      .map(([answer, n]) => `${count(n)} ${answer}`)
      .join(", ");
    console.log(`- ${row.contender}: ${answers}`);
    if (row.proberLog) {
      const { probes, probeSeconds, waitSeconds } = row.proberLog;
      const waits =
        waitSeconds === null
          ? "its politeness waits are not in the prober's log (no politeness_wait_ms)"
          : `politeness waits ${waitSeconds.toFixed(1)} s (summed, as the prober logs them, over the sessions and probes that waited at once)`;
      console.log(`  Prober: ${count(probes)} probes, ${probeSeconds.toFixed(1)} probe-seconds (summed over probes running at once); ${waits}.`);
    }
  }
  console.log(`\nTarget: Mailvet at least 10× the best npm verifier, every answer right. Bench run time ${seconds.toFixed(1)} s.`);
}
