/**
 * `npm run bench:wan`: the simulated-internet benchmark alone (wan.ts), which `npm run bench`
 * also runs. MAILVET_BENCH_WAN_ADDRESSES (default 2,000) and MAILVET_BENCH_WAN_ONE_WAY_MS
 * (default 40) size it.
 */
import { benchWan } from "./wan";
import { printWan } from "./wan-print";

printWan(await benchWan());
