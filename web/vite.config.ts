import { resolve } from "node:path";
import preact from "@preact/preset-vite";
import { defineConfig } from "vite";

const root = import.meta.dirname;

/**
 * The web app the edge serves as static assets (wrangler.toml [assets] → web/dist): one HTML
 * entry per page, built with Preact. `npm run build:web` runs this, and `npm start` and the test
 * scripts run it first, so web/dist is never committed.
 */
export default defineConfig({
  root,
  plugins: [preact()],
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    // The API docs page bundles Scalar (about 1 MB gzipped) rather than load it from a CDN.
    chunkSizeWarningLimit: 4_000,
    rollupOptions: {
      input: {
        check: resolve(root, "index.html"),
        bulk: resolve(root, "bulk/index.html"),
        docs: resolve(root, "docs/index.html"),
        demo: resolve(root, "demo/index.html"),
        reputation: resolve(root, "reputation/index.html"),
        probers: resolve(root, "probers/index.html"),
      },
    },
  },
});
