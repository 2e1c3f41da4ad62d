// Builds the prober as one file, dist/prober.mjs, that runs on a plain Node 22 with no
// node_modules: every dependency is bundled, only node: built-ins stay imports.
import { build } from "esbuild";

const banner = [
  // Bundled CommonJS dependencies may call require() for built-ins; an ES module has none.
  'import { createRequire as __mailvetCreateRequire } from "node:module";',
  "const require = __mailvetCreateRequire(import.meta.url);",
].join("\n");

const result = await build({
  entryPoints: ["prober/src/main.ts"],
  outfile: "dist/prober.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node22",
  banner: { js: banner },
  // The bundled packages' licence notices stay in the one file.
  legalComments: "eof",
  metafile: true,
  logLevel: "warning",
});
const bytes = Object.values(result.metafile.outputs).find((output) => output.entryPoint)?.bytes;
console.log(`dist/prober.mjs: ${bytes} bytes`);
