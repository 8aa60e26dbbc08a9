/**
 * The candidate files of `netdz aggregate`: the files named and the YAML files found in the
 * folders named, found before anything is read (so that workers can be started at once).
 */
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { fsReason } from "../fs/fs-errors.js";
import { givenBelow, YAML_NAME } from "../fs/measure-sets.js";
import type { AggregateMessages } from "../i18n/aggregate-messages.js";

export interface Found {
  /**
   * Candidate files, each by its path as given (a file found in a folder: the folder as given
   * joined with the path below it; see displayPath), once each, in the order of their absolute
   * paths. A file reached by several paths (a symbolic link, a linked folder, a hard link) is
   * one file: only the first of its paths in that order is kept.
   */
  files: string[];
  /** The files named on the command line (checked whatever format they declare), as given. */
  named: Set<string>;
  /**
   * Folders that could not be listed (the folder named, or one below it), by their path as given
   * (as `files`), with the error: left out and listed, as an unreadable file is.
   */
  unreadableFolders: { folder: string; error: unknown }[];
}

/**
 * The candidate files at the given paths: a file named is taken as it is; a folder is searched
 * recursively for YAML files (hidden folders and node_modules skipped). Whether a found file is
 * an answers file is decided when it is read.
 */
export function collectFiles(paths: readonly string[], cwd: string, m: AggregateMessages): Found {
  // Absolute path → the path as given: the first way a file was reached names it.
  const files = new Map<string, string>();
  const named = new Set<string>();
  const unreadableFolders = new Map<string, { folder: string; error: unknown }>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = statPath(absolute);
    if (!info) throw new UsageError(m.command.noSuchPath(given));
    if (info !== "unreadable" && info.isDirectory()) {
      const found = walk(absolute);
      for (const file of found.files) {
        if (!files.has(file)) files.set(file, givenBelow(given, absolute, file));
      }
      for (const { folder, error } of found.unreadable) {
        if (!unreadableFolders.has(folder)) {
          unreadableFolders.set(folder, { folder: givenBelow(given, absolute, folder), error });
        }
      }
    } else {
      if (!files.has(absolute)) files.set(absolute, given);
      named.add(files.get(absolute) as string);
    }
  }
  const order = [...files.keys()].sort();
  const seen = new Map<string, string>();
  const kept: string[] = [];
  for (const file of order) {
    const given = files.get(file) as string;
    const identity = fileIdentity(file);
    const first = seen.get(identity);
    if (first === undefined) {
      seen.set(identity, given);
      kept.push(given);
    } else if (named.delete(given)) {
      // The file was named by another of its paths: the path kept is checked as named too.
      named.add(first);
    }
  }
  const folders = [...unreadableFolders.keys()].sort();
  return {
    files: kept,
    named,
    unreadableFolders: folders.map(
      (f) => unreadableFolders.get(f) as Found["unreadableFolders"][0],
    ),
  };
}

/**
 * What makes two paths one file: its device and inode (so hard links are one file too), else
 * (no inode, as on some file systems) its real path; a file that cannot be looked at is known by
 * its path alone (it is listed as unreadable).
 */
function fileIdentity(absolute: string): string {
  try {
    const info = statSync(absolute, { bigint: true });
    if (info.ino !== 0n) return `${info.dev}:${info.ino}`;
    return `path:${realpathSync(absolute)}`;
  } catch {
    return `path:${absolute}`;
  }
}

/**
 * What a path given on the command line is: undefined when it does not exist, "unreadable" when
 * it cannot be looked at (a loop of links, no permission): such a file is left out and listed,
 * with the reason its reading gives, as an unreadable file found in a folder is.
 */
function statPath(absolute: string) {
  try {
    return statSync(absolute, { throwIfNoEntry: false });
  } catch (error) {
    return fsReason(error) === "notFolder" ? undefined : "unreadable";
  }
}

/** The YAML files at or below a folder, and the folders there that could not be listed. */
function walk(root: string): { files: string[]; unreadable: { folder: string; error: unknown }[] } {
  const out: string[] = [];
  const unreadable: { folder: string; error: unknown }[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      unreadable.push({ folder: dir, error });
      return;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(".") && entry.name !== "node_modules") visit(full);
      } else if (YAML_NAME.test(entry.name)) {
        // Not only regular files: a FIFO or socket named *.yaml is listed as not a regular file.
        out.push(full);
      }
    }
  };
  visit(root);
  return { files: out, unreadable };
}
