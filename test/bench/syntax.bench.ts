/**
 * The syntax check alone against validator.js `isEmail`, on the benchmark's realistic mix and on
 * its ordinary addresses only (plain ASCII, valid). The offline pipeline must stay at least as
 * fast as isEmail, so parseAddress has to be well faster. `npx tsx test/bench/syntax.bench.ts`
 */
import { pathToFileURL } from "node:url";
import validator from "validator";
import { parseAddress } from "../../shared/address/parse";
import { generateAddresses } from "./addresses";
import { measure, type Measurement, printRatios } from "./measure";

const LIST_SIZE = 200_000;

async function race(list: readonly string[]): Promise<Measurement[]> {
  let sink = 0;
  const ours = await measure("mailvet parseAddress", list.length, () => {
    for (const email of list) sink += parseAddress(email).ok ? 1 : 0;
  });
  const isEmail = await measure("validator.js isEmail", list.length, () => {
    for (const email of list) sink += validator.isEmail(email) ? 1 : 0;
  });
  if (sink < 0) console.log(sink); // keeps the work from being optimised away
  return [ours, isEmail];
}

/** Both races, as [title, measurements] pairs for printRatios. */
export async function benchSyntax(): Promise<[string, Measurement[]][]> {
  const mix = generateAddresses(LIST_SIZE);
  const ordinary = mix.filter((email) => /^[\x21-\x7e]+$/.test(email) && !email.includes("xn--") && parseAddress(email).ok);
  return [
    [`Syntax only, ${mix.length.toLocaleString("en-US")} generated addresses (realistic mix)`, await race(mix)],
    [`Syntax only, the ${ordinary.length.toLocaleString("en-US")} plain ASCII valid ones`, await race(ordinary)],
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  for (const [title, measurements] of await benchSyntax()) printRatios(title, measurements);
}
