import { resolve } from "node:path";
import { defineConfig } from "vite";

const root = import.meta.dirname;

/**
 * The sign-up form widget as one classic script, web/dist/widget.js, so a customer's page needs
 * nothing but `<script src="https://<edge>/widget.js">`. It builds after the web app, whose build
 * empties web/dist, so this one must not; the name has no hash because pages link to it.
 */
export default defineConfig({
  root,
  publicDir: false,
  build: {
    outDir: resolve(root, "../dist"),
    emptyOutDir: false,
    target: "es2022",
    lib: {
      entry: resolve(root, "src/main.ts"),
      formats: ["iife"],
      // Required for IIFE by Vite; the widget exports nothing, so no global is made.
      name: "MailvetWidget",
      fileName: () => "widget.js",
    },
  },
});
