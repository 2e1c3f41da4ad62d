/**
 * `npm run bench`: every benchmark, each printing its figures side by side with the tools
 * users would otherwise pick, measured in the same run. Figures, not assertions: these
 * machines are noisy, so nothing here passes or fails on time.
 */
import { benchBulk, printBulkBench } from "./bulk";
import { printRatios } from "./measure";
import { benchDns, printDnsBench } from "./dns";
import { benchFuzz, printFuzz } from "./fuzz";
import { benchLoad } from "./load";
import { printLoad } from "./load-print";
import { benchOffline } from "./offline";
import { benchSmtpRealtime, printSmtpRealtime } from "./smtp-realtime";
import { benchSmtpThroughput, printSmtpThroughput } from "./smtp-throughput";
import { benchSyntax } from "./syntax.bench";
import { benchWan } from "./wan";
import { printWan } from "./wan-print";
import { benchWorkerdCpu } from "./workerd-cpu";

console.log(`# Mailvet benchmarks (${new Date().toISOString().slice(0, 10)}, Node ${process.version})`);

printRatios("Offline checks, one process, 200,000 generated addresses", await benchOffline());
for (const [title, measurements] of await benchSyntax()) printRatios(title, measurements);

const cpu = await benchWorkerdCpu();
console.log("\n## workerd CPU per request (wrangler dev, serial, /proc accounting)\n");
console.log("| request | workerd CPU ms/request |");
console.log("|---|---:|");
console.log(`| GET /healthz (HTTP + routing floor) | ${cpu.healthzMs.toFixed(3)} |`);
console.log(`| GET /v1/verify?smtp=false | ${cpu.verifyMs.toFixed(3)} |`);

printDnsBench(await benchDns());
printSmtpRealtime(await benchSmtpRealtime());
printSmtpThroughput(await benchSmtpThroughput());
printWan(await benchWan());
printLoad(await benchLoad());
printFuzz(await benchFuzz());
printBulkBench(await benchBulk());
