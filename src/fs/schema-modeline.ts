/**
 * The first lines of an answers file netdz writes: a `yaml-language-server` modeline pointing an
 * editor at the answers schema, written only where the path stays valid, or else a comment saying
 * how to get the schema. The schemas' `$id` host is not a real address and is never written.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Lang } from "../core/model.js";
import { LOCAL_SCHEMA_FILE } from "../core/schemas/names.js";
import { schemaMessages } from "../i18n/schema-messages.js";
import { PACKAGE_ROOT } from "../package-root.js";

/**
 * Folders of package caches and throw-away installs (npx, npm, pnpm, yarn, bun): a path into
 * them breaks after a cache clean and on every other machine.
 */
const CACHE_SEGMENT =
  /[\\/](_npx|\.npm|_cacache|\.pnpm-store|\.yarn[\\/](cache|berry)|\.bun[\\/]install|\.cache|dlx-[^\\/]*)[\\/]/i;

/**
 * The schema file to point an editor at from `answersFile`, or undefined where no path is
 * stable: the package must be the project's own (`<project>/node_modules/netdz`, the answers file
 * inside `<project>`) or a git checkout holding the answers file, and never in a cache.
 */
export function stableSchemaFile(
  answersFile: string,
  packageRoot: string = PACKAGE_ROOT,
): string | undefined {
  const root = path.resolve(packageRoot);
  if (CACHE_SEGMENT.test(`${root}${path.sep}`)) return undefined;
  const file = path.resolve(answersFile);
  const schema = path.join(root, "schemas", "answers.schema.json");
  const parent = path.dirname(root);
  const project = path.basename(parent) === "node_modules" ? path.dirname(parent) : undefined;
  if (project !== undefined && isInside(file, project)) return schema;
  if (existsSync(path.join(root, ".git")) && isInside(file, root)) return schema;
  return undefined;
}

/** The `$schema` reference for a file: relative from its folder, with forward slashes. */
export function schemaReference(answersFile: string, schemaFile: string): string {
  const relative = path.relative(path.dirname(path.resolve(answersFile)), schemaFile);
  if (path.isAbsolute(relative)) return pathToFileURL(schemaFile).href;
  return relative.split(path.sep).join("/");
}

/**
 * The comment lines (each starting with `#`) an answers file starts with: the modeline where a
 * stable path exists, else how to save the schema beside the file and point the editor at it.
 */
export function schemaModeline(
  answersFile: string,
  lang: Lang = "en",
  packageRoot: string = PACKAGE_ROOT,
): string[] {
  const schema = stableSchemaFile(answersFile, packageRoot);
  if (schema !== undefined) {
    return [`# yaml-language-server: $schema=${schemaReference(answersFile, schema)}`];
  }
  const hint = schemaMessages(lang).modelineHint(
    `netdz schema answers > ${LOCAL_SCHEMA_FILE}`,
    `# yaml-language-server: $schema=${LOCAL_SCHEMA_FILE}`,
  );
  return hint.map((line) => `# ${line}`);
}

/** Whether `file` is `dir` or below it. */
function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}
