/**
 * Sets that extend another (`extends: {id, version}` in set.yaml): finding and loading the base
 * set, and the extended set as one set.
 */
import path from "node:path";
import type { Diagnostic, Lang, Measure, MeasureSet, MeasureSetHeader } from "../core/model.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import type { DiagnosticText } from "../i18n/diagnostic-messages.js";
import { availableSets, BUNDLED_MEASURES_DIR, displayPath } from "./measure-sets.js";

/** Where `extends:` looks for the base set: the folder of sets this one is in, then the bundled sets. */
function baseSearchRoots(dir: string): string[] {
  return [path.dirname(path.dirname(dir)), BUNDLED_MEASURES_DIR];
}

/**
 * The set `extends:` names, loaded and valid; otherwise a located problem is added to `found`
 * and undefined returned. A set that extends a set that extends it is refused.
 */
export async function loadBase(
  dir: string,
  cwd: string,
  headerSource: YamlSource,
  found: Diagnostic[],
  chain: readonly string[],
  lang: Lang | undefined,
  /** Loads the base set's folder (the set loader, passed in so that it need not be imported). */
  load: (baseDir: string) => Promise<{ set?: MeasureSet }>,
): Promise<MeasureSet | undefined> {
  const wanted = (headerSource.data as Partial<MeasureSetHeader> | undefined)?.extends;
  if (typeof wanted?.id !== "string" || typeof wanted.version !== "string") return undefined;
  const problem = (message: DiagnosticText) =>
    found.push(diagnosticAt(headerSource, ["extends"], "error", "set/extends-base", message));
  const name = `${wanted.id}@${wanted.version}`;
  const own = headerSource.data as Partial<MeasureSetHeader>;
  if (own.id === wanted.id && own.version === wanted.version) {
    problem({ id: "set/extends-self", params: { base: name } });
    return undefined;
  }
  let baseDir: string | undefined;
  for (const root of baseSearchRoots(dir)) {
    const match = (await availableSets(root)).find(
      (s) => s.id === wanted.id && s.version === wanted.version,
    );
    if (match && path.resolve(match.dir) !== path.resolve(dir)) {
      baseDir = match.dir;
      break;
    }
  }
  if (!baseDir) {
    problem({ id: "set/extends-missing", params: { base: name } });
    return undefined;
  }
  if (chain.includes(path.resolve(baseDir))) {
    problem({ id: "set/extends-loop", params: { base: name } });
    return undefined;
  }
  const loaded = await load(baseDir);
  if (!loaded.set) {
    problem({ id: "set/extends-invalid", params: { base: name, dir: displayPath(baseDir, cwd) } });
    return undefined;
  }
  return loaded.set;
}

/**
 * A set that extends another, as one set: the base's areas, profile fields, bands and measures
 * first, then the additions (their measures numbered after the base's).
 */
export function extendedSet(
  base: MeasureSet,
  header: MeasureSetHeader,
  own: Measure[],
): MeasureSet {
  const bands = [...(base.bands ?? []), ...(header.bands ?? [])].sort((a, b) => b.min - a.min);
  const offset = base.measures.length;
  return {
    ...header,
    areas: [...base.areas, ...(header.areas ?? [])],
    profile: [...base.profile, ...(header.profile ?? [])],
    ...(bands.length > 0 ? { bands } : {}),
    measures: [...base.measures, ...own.map((m) => ({ ...m, number: m.number + offset }))],
    base: {
      id: base.id,
      version: base.version,
      measures: base.measures.map((m) => m.id),
      source: base.source,
      inherited: {
        measures: base.measures.map((m) => m.id),
        profile: base.profile.map((p) => p.id),
      },
    },
  };
}
