/** `npm run bench:bulk`: the bulk benchmark alone (bulk.ts), which `npm run bench` runs last. */
import { benchBulk, printBulkBench } from "./bulk";

printBulkBench(await benchBulk());
