/**
 * A content-addressed record of checked measure sets, made at build time so that a run does not
 * parse and check again the sets it ships with (scripts/bundle.mjs writes it beside the bundle).
 *
 * Loading a set folder `<root>/<id>/<version>/` reads only files under `<root>` (the folder,
 * the versions beside it, a base set found there) and under the bundled measures folder (a base
 * set found there). So the result is a function of the bytes of those two trees, the folder's
 * place in `<root>` and netdz's code. The key of an entry is a SHA-256 of exactly that: every
 * file's name and bytes and every folder's name in both trees, the relative path, and the build
 * that made the snapshot. A file edited, added, removed or renamed anywhere there gives another
 * key, and the set is checked in full as without a snapshot; problems stay located.
 *
 * Only sets that passed every check with no problem at all are recorded (their problems would
 * name paths relative to the working directory and be worded in one language).
 */
import { createHash, type Hash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ChangesFile, MeasureSet } from "../core/model.js";
import { BUNDLED_MEASURES_DIR } from "./measure-sets.js";
import { readBytes } from "./read-file.js";

/** What loading a clean set folder gives, less its folder (the caller's). */
export interface SnapshotEntry {
  set: MeasureSet;
  fileCount: number;
  changes?: ChangesFile;
}

/** Recorded results by key (setKey), for one build. */
export interface SetSnapshot {
  build: string;
  entry(key: string): SnapshotEntry | undefined;
}

/** What makeSetSnapshot records: one entry per key. */
export interface SnapshotRecord {
  build: string;
  sets: Record<string, SnapshotEntry>;
}

/** The loaded folder, as the set loader returns it. */
interface LoadedLike {
  set?: MeasureSet;
  diagnostics: readonly unknown[];
  fileCount: number;
  changes?: ChangesFile;
}

/** A tree larger than this is not digested (the set is then checked in full). */
const LIMITS = { entries: 2000, bytes: 16 * 1024 * 1024, depth: 8 };

/**
 * Feeds every folder's and file's name and every file's bytes under `root` to `hash`, in a
 * fixed order; false when something cannot be read or the tree is past the limits.
 */
function digestTree(root: string, hash: Hash): boolean {
  const seen = { entries: 0, bytes: 0 };
  const walk = (dir: string, depth: number): boolean => {
    if (depth > LIMITS.depth) return false;
    const names = readdirSync(dir).sort();
    hash.update(`D${names.length}\0`);
    for (const name of names) {
      if (++seen.entries > LIMITS.entries) return false;
      const full = path.join(dir, name);
      // Links are followed, as the loader follows them.
      const info = statSync(full);
      if (info.isDirectory()) {
        hash.update(`d${name}\0`);
        if (!walk(full, depth + 1)) return false;
      } else if (info.isFile()) {
        seen.bytes += info.size;
        if (seen.bytes > LIMITS.bytes) return false;
        // Opened without blocking and checked again on the descriptor: a file swapped for a FIFO
        // between the stat and the read is not waited on (readBytes throws, the digest fails).
        const read = readBytes(full, full, "en", LIMITS.bytes);
        if (!read.ok) return false;
        const bytes = read.bytes;
        hash.update(`f${name}\0${bytes.length}\0`);
        hash.update(bytes);
      } else {
        // A FIFO, socket or device: recorded by kind, so a tree with one never matches a build's.
        hash.update(`o${name}\0`);
      }
    }
    return true;
  };
  try {
    return walk(root, 0);
  } catch {
    return false;
  }
}

/**
 * The key of a set folder for a build: undefined when a tree it depends on cannot be read in
 * full. `bundledDir` is the bundled measures folder (a parameter for tests).
 */
export function setKey(
  dir: string,
  build: string,
  bundledDir: string = BUNDLED_MEASURES_DIR,
  /** Digest the bundled folder again when it is the set's own root (the key of a copy of it). */
  inFull = false,
): string | undefined {
  const absolute = path.resolve(dir);
  const root = path.dirname(path.dirname(absolute));
  const hash = createHash("sha256");
  hash.update(`netdz-set-snapshot/1\0${build}\0${path.relative(root, absolute)}\0`);
  if (!digestTree(root, hash)) return undefined;
  const bundled = path.resolve(bundledDir);
  // The bundled folder itself (the usual case): its bytes are already in.
  if (bundled === root && !inFull) hash.update("\0bundled: the same folder\0");
  else {
    hash.update("\0bundled\0");
    if (!digestTree(bundled, hash)) return undefined;
  }
  return hash.digest("hex");
}

/**
 * Checks the given set folders with `load` (a full check, no snapshot) and records the ones
 * with no problem at all; a result that JSON would not carry unchanged is left out.
 */
export async function makeSetSnapshot(
  dirs: readonly string[],
  build: string,
  load: (dir: string) => Promise<LoadedLike>,
  bundledDir: string = BUNDLED_MEASURES_DIR,
): Promise<SnapshotRecord> {
  // Only here (the build): node:util loads a dozen more modules than a run needs.
  const { isDeepStrictEqual } = await import("node:util");
  const snapshot: SnapshotRecord = { build, sets: {} };
  for (const dir of dirs) {
    const loaded = await load(dir);
    if (!loaded.set || loaded.diagnostics.length > 0) continue;
    // Under its own key, and when the bundled folder is its root, under the key that a copy of
    // that folder elsewhere has (the bundled folder then digested twice).
    const keys = new Set([setKey(dir, build, bundledDir), setKey(dir, build, bundledDir, true)]);
    keys.delete(undefined);
    if (keys.size === 0) continue;
    const entry: SnapshotEntry = {
      set: loaded.set,
      fileCount: loaded.fileCount,
      ...(loaded.changes === undefined ? {} : { changes: loaded.changes }),
    };
    if (!isDeepStrictEqual(JSON.parse(JSON.stringify(entry)), entry)) continue;
    for (const key of keys) snapshot.sets[key as string] = entry;
  }
  return snapshot;
}

/**
 * The recorded result for a set folder, as the loader would return it, when its trees are
 * byte for byte the ones the snapshot was made from; undefined otherwise.
 */
export function fromSnapshot(
  snapshot: SetSnapshot,
  dir: string,
  bundledDir: string = BUNDLED_MEASURES_DIR,
):
  | { dir: string; set: MeasureSet; diagnostics: never[]; fileCount: number; changes?: ChangesFile }
  | undefined {
  const key = setKey(dir, snapshot.build, bundledDir);
  const entry = key === undefined ? undefined : snapshot.entry(key);
  if (!entry) return undefined;
  return {
    dir,
    set: entry.set,
    diagnostics: [],
    fileCount: entry.fileCount,
    ...(entry.changes === undefined ? {} : { changes: entry.changes }),
  };
}

/**
 * Writes a record as one file per key (`<key>.json`) into `dir`, which must exist; a second key
 * of the same entry is a file that names the first (`{"sameAs": key}`).
 */
export function writeSnapshotFolder(dir: string, record: SnapshotRecord): void {
  const written = new Map<SnapshotEntry, string>();
  for (const [key, entry] of Object.entries(record.sets)) {
    const first = written.get(entry);
    const text = JSON.stringify(first === undefined ? entry : { sameAs: first });
    writeFileSync(path.join(dir, `${key}.json`), text);
    if (first === undefined) written.set(entry, key);
  }
}

/**
 * The entries written into `dir` by writeSnapshotFolder, read only when asked for. A key holds
 * the build, so a file another build wrote is never found.
 */
export function snapshotFolder(dir: string, build: string): SetSnapshot {
  return {
    build,
    entry(key) {
      const read = (name: string): unknown => {
        try {
          return JSON.parse(readFileSync(path.join(dir, `${name}.json`), "utf8"));
        } catch {
          return undefined;
        }
      };
      const found = read(key) as (SnapshotEntry & { sameAs?: undefined }) | { sameAs: string };
      if (typeof found?.sameAs === "string") return read(found.sameAs) as SnapshotEntry | undefined;
      return found as SnapshotEntry | undefined;
    },
  };
}

/** The folder the build writes the bundled sets' snapshot into, beside the bundle's chunks. */
export const SNAPSHOT_FOLDER = "sets";

// Set by the bundle (scripts/bundle.mjs) to the id of the build it bundles; not set when running
// from source or from tsc's output, which then never use a snapshot.
declare const __NETDZ_BUILD__: string | undefined;

/** The id of the running build, when it is the bundle. */
export function currentBuild(): string | undefined {
  return typeof __NETDZ_BUILD__ === "string" ? __NETDZ_BUILD__ : undefined;
}

/** The snapshot the build wrote beside the running bundle; undefined when not run from it. */
export function bundledSnapshot(): SetSnapshot | undefined {
  const build = currentBuild();
  if (build === undefined) return undefined;
  return snapshotFolder(fileURLToPath(new URL(`./${SNAPSHOT_FOLDER}`, import.meta.url)), build);
}
