// Bundles netdz's own compiled modules (dist/) into a few files under dist/bundle/, which the
// bin loads: one module graph instead of dozens of small files makes every command start
// faster. Dependencies stay in node_modules, except commander (every command loads it; one ESM
// file of it loads in half the time of its CommonJS files); each command's code is still loaded
// only when it runs (one chunk per dynamic import). Beside the bundle it writes the snapshot of
// the bundled measure sets checked by this build (src/fs/set-snapshot.ts). Run after tsc and
// build-validators (npm run build).
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { rollup } from "rollup";

// Chunk names carry a content hash: clear the folder so no stale chunk of an earlier build stays.
rmSync("dist/bundle", { recursive: true, force: true });

/** The id of this build: a hash of every compiled module and of the package manifest. */
function buildId() {
  const hash = createHash("sha256");
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (full === path.join("dist", "bundle")) continue;
      if (/\.c?js$/.test(name)) hash.update(`${full}\0`).update(readFileSync(full));
      else if (!name.includes(".")) walk(full);
    }
  };
  walk("dist");
  hash.update(readFileSync("package.json"));
  return hash.digest("hex").slice(0, 32);
}
const id = buildId();

// commander as one ESM file beside the chunks; they import it by a relative path.
await build({
  entryPoints: ["node_modules/commander/esm.mjs"],
  outfile: "dist/bundle/commander.js",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  logLevel: "warning",
  // Its CommonJS source requires node's built-in modules; child_process (2 ms to load) only to
  // run a subcommand as its own executable, which netdz never does: loaded if ever called.
  plugins: [
    {
      name: "lazy-child-process",
      setup(b) {
        b.onResolve({ filter: /^node:child_process$/ }, () => ({ path: "cp", namespace: "lazy" }));
        b.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
          contents:
            'const load = () => process.getBuiltinModule("node:child_process");\n' +
            "module.exports = { spawn: (...args) => load().spawn(...args) };\n",
          loader: "js",
        }));
      },
    },
  ],
  banner: {
    js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);',
  },
});

// netdz's own modules: rollup, not esbuild, for its chunks. A module already loaded by the code
// that imports a command is taken from the chunk that holds it, and chunks below 20 KB are
// merged: --help loads one chunk of netdz instead of twenty (each module costs a read, a
// compile and a link, more than its size), a command a few.
const commanderFile = path.resolve("dist/bundle/commander.js");
const netdzModules = {
  // Dependencies stay in node_modules (commander: the file above).
  external: (id) => id !== "commander" && !id.startsWith(".") && !path.isAbsolute(id),
  plugins: [
    {
      name: "netdz-bundle",
      resolveId: (id) => (id === "commander" ? { id: commanderFile, external: true } : null),
      transform: (code) =>
        code.includes("__NETDZ_BUILD__")
          ? { code: code.replaceAll("__NETDZ_BUILD__", JSON.stringify(id)), map: null }
          : null,
    },
  ],
  logLevel: "warn",
  onwarn: (warning) => {
    throw new Error(`bundle: ${warning.message}`);
  },
};
const bundle = await rollup({ input: "dist/main.js", ...netdzModules });
await bundle.write({
  dir: "dist/bundle",
  format: "es",
  entryFileNames: "[name].js",
  chunkFileNames: "[name]-[hash].js",
  // Every chunk is beside commander's file.
  paths: { [commanderFile]: "./commander.js" },
  experimentalMinChunkSize: 20_000,
});
await bundle.close();
// The worker of `netdz aggregate`, started by file name from beside the chunks (aggregate-pool):
// one file of its own, so that the chunks the commands load stay as they are.
const worker = await rollup({ input: "dist/commands/aggregate-worker.js", ...netdzModules });
await worker.write({
  file: "dist/bundle/aggregate-worker.js",
  format: "es",
  inlineDynamicImports: true,
  paths: { [commanderFile]: "./commander.js" },
});
await worker.close();
// validators.ts loads its generated neighbours by paths esbuild cannot follow.
cpSync("dist/core/generated-validators", "dist/bundle/generated-validators", { recursive: true });

// The bundled sets, checked in full by the code just bundled (tsc's output of the same sources).
const { makeSetSnapshot, SNAPSHOT_FOLDER, writeSnapshotFolder } =
  await import("../dist/fs/set-snapshot.js");
const { BUNDLED_MEASURES_DIR, scanFolder } = await import("../dist/fs/measure-sets.js");
const { workspace } = await import("../dist/fs/workspace.js");
const ws = workspace({ cwd: BUNDLED_MEASURES_DIR, snapshot: false });
const folders = scanFolder(BUNDLED_MEASURES_DIR).setFolders;
const snapshot = await makeSetSnapshot(folders, id, (dir) => ws.loadSet(dir));
// Each set is recorded under one or two keys (see makeSetSnapshot), as one entry.
const recorded = new Set(Object.values(snapshot.sets)).size;
if (recorded !== folders.length) {
  // A bundled set with problems: `netdz validate measures/` shows them; nothing is recorded for it.
  console.warn(`bundle: ${folders.length - recorded} bundled measure set(s) not recorded`);
}
mkdirSync(path.join("dist", "bundle", SNAPSHOT_FOLDER));
writeSnapshotFolder(path.join("dist", "bundle", SNAPSHOT_FOLDER), snapshot);
