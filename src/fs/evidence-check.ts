/**
 * `netdz validate --check-evidence`: warns about evidence items of an answers file that name a
 * file or folder that does not exist. Paths are taken relative to the answers file's folder (an
 * absolute path as it is); a `file:` URL is a path too (`file:///abs/plan.pdf`,
 * `file:docs/plan.pdf`); other URLs are never fetched. Each warning points at the evidence item.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { asArray, asRecord } from "../core/loose.js";
import type { Diagnostic } from "../core/model.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";

/** `scheme://…`, `mailto:`, `urn:` and the like: not a path on this machine. */
export function isUrl(item: string): boolean {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(item) || /^(mailto|urn|tel|data):/i.test(item);
}

/**
 * The local path an evidence item names, relative to `base`: a path as it is, a `file:` URL
 * decoded; undefined for other URLs and for a `file:` URL of another host (neither is checked).
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
    const rest = item.slice("file:".length);
    let decoded: string;
    try {
      decoded = decodeURIComponent(rest);
    } catch {
      decoded = rest;
    }
    return path.resolve(base, decoded);
  }
  return isUrl(item) ? undefined : path.resolve(base, item);
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
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) continue;
      out.push(
        diagnosticAt(
          source,
          ["answers", id, "evidence", index],
          "warning",
          "answers/evidence-missing",
          { id: "answers/evidence-missing", params: { id, item: item.trim() } },
        ),
      );
    }
  }
  return out;
}
