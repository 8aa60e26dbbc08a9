/**
 * Sets that extend another (`extends: {id, version}` in set.yaml): finding and loading the base
 * set, and the extended set as one set.
 */
import path from "node:path";
import type {
  Diagnostic,
  Lang,
  Measure,
  MeasureSet,
  MeasureSetHeader,
  SetRef,
} from "../core/model.js";
import { formatSetRef } from "../core/set-ref.js";
import { diagnosticAt, type YamlSource } from "../core/yaml-source.js";
import type { DiagnosticText } from "../i18n/diagnostic-messages.js";
import { shellPath } from "../prompts/shell.js";
import {
  availableSets,
  BUNDLED_MEASURES_DIR,
  displayPath,
  readYamlFileSync,
  SET_FILE,
} from "./measure-sets.js";

/** Where `extends:` looks for the base set: the folder of sets this one is in, then the bundled sets. */
function baseSearchRoots(dir: string): string[] {
  return [path.dirname(path.dirname(dir)), BUNDLED_MEASURES_DIR];
}

/** The folder of the set `wanted`, looked up from the set in `dir` (never `dir` itself). */
async function findBase(dir: string, wanted: SetRef): Promise<string | undefined> {
  for (const root of baseSearchRoots(dir)) {
    const match = (await availableSets(root)).find(
      (s) => s.id === wanted.id && s.version === wanted.version,
    );
    if (match && path.resolve(match.dir) !== path.resolve(dir)) return match.dir;
  }
  return undefined;
}

/** What the set.yaml in `dir` names in `extends:`, when it names a set in the right form. */
function extendsOf(dir: string): SetRef | undefined {
  try {
    const data = readYamlFileSync(path.join(dir, SET_FILE), dir).data as
      Partial<MeasureSetHeader> | undefined;
    const wanted = data?.extends;
    return typeof wanted?.id === "string" && typeof wanted.version === "string"
      ? { id: wanted.id, version: wanted.version }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sets of a cycle of `extends:` that leads from the set in `dir` through its base in
 * `baseDir` back to it (`names` starts with the two), or undefined when the bases lead elsewhere.
 */
async function cycleBack(
  dir: string,
  baseDir: string,
  names: string[],
): Promise<string[] | undefined> {
  const seen = new Set([path.resolve(baseDir)]);
  let current = baseDir;
  for (;;) {
    const next = extendsOf(current);
    const nextDir = next && (await findBase(current, next));
    if (!next || !nextDir) return undefined;
    names.push(formatSetRef(next));
    if (path.resolve(nextDir) === path.resolve(dir)) return names;
    if (seen.has(path.resolve(nextDir))) return undefined;
    seen.add(path.resolve(nextDir));
    current = nextDir;
  }
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
  const baseDir = await findBase(dir, wanted);
  if (!baseDir) {
    problem({ id: "set/extends-missing", params: { base: name } });
    return undefined;
  }
  const ownName =
    typeof own.id === "string" && typeof own.version === "string"
      ? formatSetRef({ id: own.id, version: own.version })
      : displayPath(dir, cwd);
  const cycle = await cycleBack(dir, baseDir, [ownName, name]);
  if (cycle) {
    problem({ id: "set/extends-cycle", params: { cycle } });
    return undefined;
  }
  if (chain.includes(path.resolve(baseDir))) {
    problem({ id: "set/extends-loop", params: { base: name } });
    return undefined;
  }
  const loaded = await load(baseDir);
  if (!loaded.set) {
    problem({
      id: "set/extends-invalid",
      params: { base: name, dir: shellPath(displayPath(baseDir, cwd)) },
    });
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
  // The national set is the root of the chain: a set extending a set that extends another keeps
  // its base's base, and the documents of the sets between.
  const root = base.base;
  const between = root ? [...(root.between ?? []), base.source] : [];
  return {
    ...header,
    areas: [...base.areas, ...(header.areas ?? [])],
    profile: [...base.profile, ...(header.profile ?? [])],
    ...(bands.length > 0 ? { bands } : {}),
    measures: [...base.measures, ...own.map((m) => ({ ...m, number: m.number + offset }))],
    base: {
      id: root?.id ?? base.id,
      version: root?.version ?? base.version,
      measures: root?.measures ?? base.measures.map((m) => m.id),
      source: root ? root.source : base.source,
      ...(between.length > 0 ? { between } : {}),
      inherited: {
        measures: base.measures.map((m) => m.id),
        profile: base.profile.map((p) => p.id),
      },
    },
  };
}
