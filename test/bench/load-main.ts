/**
 * `npm run bench:load`: the load test alone (load.ts), which `npm run bench` also runs.
 * MAILVET_BENCH_LOAD_SECONDS (default 60) sets each phase's length.
 */
import { benchLoad } from "./load";
import { printLoad } from "./load-print";

printLoad(await benchLoad());
