/** `npm run bench:fuzz`: the fuzz step alone (fuzz.ts), which `npm run bench` also runs. */
import { benchFuzz, printFuzz } from "./fuzz";

printFuzz(await benchFuzz());
