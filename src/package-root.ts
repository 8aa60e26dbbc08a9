import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the installed netdz package (where package.json, measures/ and schemas/ are),
 * found by walking up from this module, so it holds for the compiled files and the bundle alike.
 */
export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json")) && existsSync(path.join(dir, "schemas"))) {
      return dir;
    }
    if (path.dirname(dir) === dir)
      throw new Error(`netdz's package folder not found above ${start}`);
  }
}

/** netdz's version, from its package.json. */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}
