/**
 * `netdz validate --check-evidence`: warns about evidence items of an answers file that name a
 * file or folder that does not exist. Paths are taken relative to the answers file's folder (an
 * absolute path as it is); a `file:` URL is a path too (`file:///abs/plan.pdf`,
 * `file:docs/plan.pdf`); anything else with a URL scheme is never read or fetched, and a
 * `//host/x` network reference is not checked. A `#fragment` or `?query` after a path is
 * dropped when the literal path does not exist. Each warning points at the evidence item.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asArray, asRecord } from "../core/loose.js";
import type { Diagnostic } from "../core/model.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import type { FsReason } from "../i18n/file-messages.js";
import { fsReason } from "./fs-errors.js";

/**
 * An RFC 3986 URL: a scheme of two or more characters (a letter, then letters, digits, `+`, `-`
 * or `.`) and a colon — `https:`, `mailto:`, `urn:`, `s3:`, `javascript:` alike. One letter is a
 * Windows drive (`C:\docs`), so a path. `file:` URLs are URLs too, but name local paths.
 */
export function isUrl(item: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(item);
}

/** `//host/share/x` (or `\\host\share`): a network reference, not checked. */
export function isNetworkReference(item: string): boolean {
  return /^(\/\/|\\\\)[^/\\]/.test(item);
}

/**
 * The local path an evidence item names, relative to `base`: a path as it is, a `file:` URL
 * decoded; undefined for other URLs, network references (`//host/x`) and a `file:` URL of
 * another host (none of them is checked).
 */
export function evidencePath(item: string, base: string): string | undefined {
  if (/^file:/i.test(item)) {
    if (/^file:\/\//i.test(item)) {
      try {
        return fileURLToPath(item);
      } catch {
        return undefined;
      }
    }
    const rest = item.slice("file:".length).replace(/[?#].*$/s, "");
    let decoded: string;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      decoded = rest;
    }
    return path.resolve(base, decoded);
  }
  if (isUrl(item) || isNetworkReference(item)) return undefined;
  return path.resolve(base, item);
}

/**
 * Whether an evidence item names a path relative to the answers file's folder: not an absolute
 * path, and not a `file:` URL with a path from the root (`file:///…`, `file:/…`).
 */
function isRelativeReference(item: string): boolean {
  if (/^file:/i.test(item)) return !/^file:(?:\/\/[^/]*)?\//i.test(item);
  return !path.isAbsolute(item);
}

/** A path followed by `#fragment` or `?query` (`docs/plan.pdf#page=3`): the path without it. */
export function withoutSuffix(target: string): string | undefined {
  const cut = target.search(/[?#]/);
  return cut > 0 ? target.slice(0, cut) : undefined;
}

/** True when the path is there; else why not, in the words the file readers use. */
async function exists(target: string): Promise<true | FsReason> {
  return stat(target).then(
    () => true as const,
    (error: unknown) => fsReason(error),
  );
}

/** Warnings for the evidence paths of an answers file that do not exist. */
export async function checkEvidencePaths(
  source: YamlSource,
  answersFile: string,
): Promise<Diagnostic[]> {
  const base = path.dirname(answersFile);
  const out: Diagnostic[] = [];
  for (const [id, raw] of Object.entries(asRecord(asRecord(source.data).answers))) {
    const items = asArray(asRecord(raw).evidence);
    for (const [index, item] of items.entries()) {
      if (typeof item !== "string" || item.trim() === "") continue;
      const target = evidencePath(item.trim(), base);
      if (target === undefined) continue;
      const found = await exists(target);
      if (found === true) continue;
      // The literal name first (a file may be called `a#1.pdf`), then without `#…`/`?…`.
      const bare = withoutSuffix(target);
      if (bare !== undefined && (await exists(bare)) === true) continue;
      // A path that is there but cannot be looked at (a loop of links, no permission) says why.
      const missing = found === "missing" || found === "notFolder";
      out.push(
        diagnosticAt(
          source,
          ["answers", id, "evidence", index],
          "warning",
          "answers/evidence-missing",
          missing
            ? {
                id: "answers/evidence-missing",
                params: { id, item: item.trim(), relative: isRelativeReference(item.trim()) },
              }
            : {
                id: "answers/evidence-unreadable",
                params: { id, item: item.trim(), reason: found },
              },
        ),
      );
    }
  }
  return out;
}
