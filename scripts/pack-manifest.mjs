// The published package needs no build: its tarball carries the bundle. `prepare` (which builds a
// fresh clone on `npm ci`) must not reach users, where npm would treat it as an install script.
// `node scripts/pack-manifest.mjs strip` (prepack) removes it from package.json for the packing;
// `restore` (postpack) puts the original back. A strip left over by a failed pack is undone first.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const MANIFEST = "package.json";
const BACKUP = "package.json.prepack";
const INSTALL_SCRIPTS = ["preinstall", "install", "postinstall", "prepare"];

const action = process.argv[2];
if (action === "strip") {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
  const text = readFileSync(MANIFEST, "utf8");
  const pkg = JSON.parse(text);
  for (const name of INSTALL_SCRIPTS) delete pkg.scripts?.[name];
  writeFileSync(BACKUP, text);
  writeFileSync(MANIFEST, `${JSON.stringify(pkg, null, 2)}\n`);
} else if (action === "restore") {
  if (existsSync(BACKUP)) renameSync(BACKUP, MANIFEST);
} else {
  console.error("usage: node scripts/pack-manifest.mjs strip|restore");
  process.exit(2);
}
