// Re-adds to package-lock.json the platform packages of workerd that the registry mirror these
// machines use does not serve at the version wrangler pins (darwin and windows builds). npm
// install leaves them out of the lock when it cannot fetch their manifests, and npm ci then
// refuses the lock as out of sync. Run `node infra/lock/add-missing-platforms.mjs` after any
// `npm install` that drops them; the entries are what npm itself writes for such packages.
import { readFileSync, writeFileSync } from "node:fs";

const lockPath = new URL("../../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const workerd = lock.packages["node_modules/workerd"];
const PLATFORM = {
  "darwin-64": ["darwin", "x64"],
  "darwin-arm64": ["darwin", "arm64"],
  "windows-64": ["win32", "x64"],
  "linux-64": ["linux", "x64"],
  "linux-arm64": ["linux", "arm64"],
};
let added = 0;
for (const [name, version] of Object.entries(workerd.optionalDependencies ?? {})) {
  const key = `node_modules/${name}`;
  const platform = PLATFORM[name.replace("@cloudflare/workerd-", "")];
  if (lock.packages[key] || !platform) continue;
  lock.packages[key] = { version, cpu: [platform[1]], dev: true, license: "Apache-2.0", optional: true, os: [platform[0]], engines: { node: ">=16" } };
  added++;
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a < b ? -1 : 1)));
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} workerd platform entries to package-lock.json`);
