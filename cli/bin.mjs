#!/usr/bin/env node
// The `mailvet` command. It runs the TypeScript source through tsx, registered for this
// process only, so there is no build step; tsx caches what it compiles.
import { register } from "tsx/esm/api";

register();
const { main } = await import("./main.ts");
process.exitCode = await main(process.argv.slice(2));
