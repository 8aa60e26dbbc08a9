// Bundles netdz's own compiled modules (dist/) into a few files under dist/bundle/, which the
// bin loads: one module graph instead of dozens of small files makes every command start
// faster. Dependencies stay in node_modules; each command's code is still loaded only when it
// runs (one chunk per dynamic import). Run after tsc and build-validators (npm run build).
import { copyFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

// Chunk names carry a content hash: clear the folder so no stale chunk of an earlier build stays.
rmSync("dist/bundle", { recursive: true, force: true });

await build({
  entryPoints: ["dist/main.js"],
  outdir: "dist/bundle",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  packages: "external",
  logLevel: "warning",
});
// validators.ts imports its generated neighbour by a URL esbuild cannot follow.
copyFileSync("dist/core/generated-validators.js", "dist/bundle/generated-validators.js");
