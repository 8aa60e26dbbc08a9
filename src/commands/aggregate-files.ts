/**
 * The candidate files of `netdz aggregate`: the files named and the YAML files found in the
 * folders named, found before anything is read (so that workers can be started at once).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.js";
import { fsReason } from "../fs/fs-errors.js";
import { givenBelow, YAML_NAME } from "../fs/measure-sets.js";
import type { AggregateMessages } from "../i18n/aggregate-messages.js";

export interface Found {
  /**
   * Candidate files, each by its path as given (a file found in a folder: the folder as given
   * joined with the path below it; see displayPath), once each, in the order of their absolute
   * paths.
   */
  files: string[];
  /** The files named on the command line (checked whatever format they declare), as given. */
  named: Set<string>;
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
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = statPath(absolute);
    if (!info) throw new UsageError(m.command.noSuchPath(given));
    if (info !== "unreadable" && info.isDirectory()) {
      for (const file of walk(absolute)) {
        if (!files.has(file)) files.set(file, givenBelow(given, absolute, file));
      }
    } else {
      if (!files.has(absolute)) files.set(absolute, given);
      named.add(files.get(absolute) as string);
    }
  }
  const order = [...files.keys()].sort();
  return { files: order.map((file) => files.get(file) as string), named };
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

function walk(root: string): string[] {
  const out: string[] = [];
  const visit = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
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
  return out;
}
