import { formatSetRef } from "./set-ref.js";
import { isCalendarDate } from "./actions.js";
import type { DiagnosticText } from "../i18n/diagnostic-messages.js";
import { diagnosticAt, locate, type PathSegment, type YamlSource } from "./yaml-source.js";
import type { Diagnostic, MeasureSet } from "./model.js";
import { asArray, asNumber, asRecord, asString, isExtensionKey, type Loose } from "./loose.js";

/**
 * A set's files as parsed. The rules run on files that failed the schema too, reading only the
 * parts that have the right shape, so one run reports every problem: a wrong type is the schema's
 * to report, a weight of 0 is ours.
 */
export interface SetFiles {
  /** The folder's name, which must equal the set's version. */
  folderName: string;
  /** The name of the folder above it, which should equal the set's id. */
  parentFolderName: string;
  /** set.yaml, or undefined when it does not parse. */
  header?: { source: YamlSource; data: unknown };
  /** Measure files that parse. */
  measures: { source: YamlSource; data: unknown }[];
  /** Measure files that do not parse as YAML (their numbers are unknown). */
  unreadableMeasures: number;
  /** The set named by `extends:`, when the header names one and it was found and is valid. */
  base?: MeasureSet;
}

/** A place in a file, and the rules' way of reporting a problem there. */
interface Reporter {
  error(
    source: YamlSource,
    path: PathSegment[],
    code: string,
    message: DiagnosticText,
    key?: boolean,
  ): void;
  warning(source: YamlSource, path: PathSegment[], code: string, message: DiagnosticText): void;
}

/** What the measure files need from set.yaml. */
interface HeaderFacts {
  areaIds: Set<string> | undefined;
  profile: Map<string, Loose> | undefined;
}

/** The semantic rules the schema cannot express: ids, references, weights, numbering, translations. */
export function checkMeasureSet(files: SetFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report: Reporter = {
    error: (source, path, code, message, key = false) =>
      out.push(diagnosticAt(source, path, "error", code, message, { key })),
    warning: (source, path, code, message) =>
      out.push(diagnosticAt(source, path, "warning", code, message)),
  };
  const facts: HeaderFacts = files.header
    ? checkHeader(files.header.source, asRecord(files.header.data), files, report)
    : { areaIds: undefined, profile: undefined };

  const measuresUsingArea = new Set<string>();
  /** The prefix of the first measure an extending set adds (`JS-` of `JS-M01`): all share it. */
  let addedPrefix: { prefix: string; id: string } | undefined;
  // Where each id is first used, worked out only when it is used again.
  const measureIds = new Map<string, Place>();
  const questionIds = new Map<string, Place>();
  for (const { source, data } of files.measures) {
    const measure = asRecord(data);
    checkTranslations(source, data, [], report);
    const id = asString(measure.id);
    if (id !== undefined) {
      const previous = measureIds.get(id);
      if (previous !== undefined) {
        report.error(source, ["id"], "set/duplicate-id", {
          id: "set/duplicate-measure",
          params: { id, first: placeOf(previous.source, previous.path) },
        });
      } else {
        measureIds.set(id, { source, path: ["id"] });
      }
    }
    const area = asString(measure.area);
    if (area !== undefined) {
      measuresUsingArea.add(area);
      if (facts.areaIds && !facts.areaIds.has(area)) {
        report.error(source, ["area"], "set/unknown-area", {
          id: "set/unknown-area",
          params: { area, areas: [...facts.areaIds] },
        });
      }
    }
    checkWeight(source, ["weight"], measure.weight, "measure", report);
    if (files.base) {
      const prefix = checkAddedMeasure(source, measure, files.base, addedPrefix, report);
      addedPrefix ??= prefix;
    }
    asArray(measure.questions).forEach((question, index) => {
      const path: PathSegment[] = ["questions", index];
      const q = asRecord(question);
      checkQuestion(source, facts, id, q, path, report);
      const qid = asString(q.id);
      if (qid === undefined) return;
      const previous = questionIds.get(qid);
      if (previous !== undefined) {
        report.error(source, [...path, "id"], "set/duplicate-id", {
          id: "set/duplicate-question",
          params: { id: qid, first: placeOf(previous.source, previous.path) },
        });
      } else {
        questionIds.set(qid, { source, path: [...path, "id"] });
      }
    });
  }
  checkNumbering(files, report);
  const header = files.header;
  if (header) {
    asArray(asRecord(header.data).areas).forEach((raw, index) => {
      const areaId = asString(asRecord(raw).id);
      if (
        areaId !== undefined &&
        !measuresUsingArea.has(areaId) &&
        files.measures.length > 0 &&
        files.unreadableMeasures === 0
      ) {
        report.warning(header.source, ["areas", index, "id"], "set/empty-area", {
          id: "set/empty-area",
          params: { area: areaId },
        });
      }
    });
  }
  return out;
}

function checkHeader(
  source: YamlSource,
  header: Record<string, Loose>,
  files: SetFiles,
  report: Reporter,
): HeaderFacts {
  const version = asString(header.version);
  if (version !== undefined && version !== files.folderName) {
    report.error(source, ["version"], "set/version-folder", {
      id: "set/version-folder",
      params: { version, folder: files.folderName },
    });
  }
  const id = asString(header.id);
  if (id !== undefined && id !== files.parentFolderName) {
    report.warning(source, ["id"], "set/id-folder", {
      id: "set/id-folder",
      params: { id, folder: files.parentFolderName },
    });
  }
  // The schema checks the YYYY-MM-DD shape; a day that does not exist is ours, as for `due`.
  const issued = asString(asRecord(header.source).issued);
  if (issued !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(issued) && !isCalendarDate(issued)) {
    report.error(source, ["source", "issued"], "set/issued-date", {
      id: "set/issued-date",
      params: { issued },
    });
  }
  checkTranslations(source, header, [], report);

  const areas = asArray(header.areas).map(asRecord);
  forEachRepeat(
    areas,
    (a) => asString(a.id),
    (area, index, first) =>
      report.error(source, ["areas", index, "id"], "set/duplicate-id", {
        id: "set/duplicate-area",
        params: { id: String(area.id), first: placeOf(source, ["areas", first, "id"]) },
      }),
  );
  areas.forEach((area, index) =>
    checkWeight(source, ["areas", index, "weight"], area.weight, "area", report),
  );

  const profile = asArray(header.profile).map(asRecord);
  forEachRepeat(
    profile,
    (p) => asString(p.id),
    (field, index, first) =>
      report.error(source, ["profile", index, "id"], "set/duplicate-id", {
        id: "set/duplicate-profile-field",
        params: { id: String(field.id), first: placeOf(source, ["profile", first, "id"]) },
      }),
  );
  profile.forEach((field, index) => {
    forEachRepeat(
      asArray(field.options).map(asRecord),
      (o) => asString(o.id),
      (option, optionIndex, first) =>
        report.error(
          source,
          ["profile", index, "options", optionIndex, "id"],
          "set/duplicate-option",
          {
            id: "set/duplicate-profile-option",
            params: {
              id: String(option.id),
              field: String(field.id),
              first: placeOf(source, ["profile", index, "options", first, "id"]),
            },
          },
        ),
    );
  });

  profile.forEach((field, index) => checkDerivation(source, profile, field, index, report));

  const bands = asArray(header.bands).map(asRecord);
  forEachRepeat(
    bands,
    (b) => (asNumber(b.min) === undefined ? undefined : String(b.min)),
    (band, index, first) =>
      report.error(source, ["bands", index, "min"], "set/duplicate-band", {
        id: "set/duplicate-band",
        params: { min: Number(band.min), first: placeOf(source, ["bands", first, "min"]) },
      }),
  );
  // A base that is named but could not be loaded is one problem (set/extends-base): what the
  // set would take from it (areas, profile fields, the bands' floor) is not checked without it.
  const unresolvedBase = !files.base && header.extends !== undefined;
  const baseFloor =
    (files.base?.bands ?? []).some((b) => b.min === 0) || files.base?.bands === undefined;
  if (
    !unresolvedBase &&
    bands.length > 0 &&
    !bands.some((b) => b.min === 0) &&
    !(files.base && baseFloor)
  ) {
    report.warning(source, ["bands"], "set/band-floor", { id: "set/band-floor", params: {} });
  }

  const { base } = files;
  if (base) checkAdditions(source, areas, profile, bands, base, report);
  if (unresolvedBase) return { areaIds: undefined, profile: undefined };
  const areaIds =
    Array.isArray(header.areas) || base
      ? new Set([
          ...(base?.areas.map((a) => a.id) ?? []),
          ...areas.map((a) => asString(a.id)).filter((a): a is string => a !== undefined),
        ])
      : undefined;
  const profileFields =
    Array.isArray(header.profile) || base
      ? new Map<string, Loose>([
          ...(base?.profile.map((p): [string, Loose] => [p.id, p]) ?? []),
          ...profile.flatMap((p): [string, Loose][] =>
            asString(p.id) === undefined ? [] : [[asString(p.id) as string, p]],
          ),
        ])
      : undefined;
  return { areaIds, profile: profileFields };
}

/**
 * A set that extends another adds areas, profile fields and bands; it cannot redefine the base
 * set's (its measures are checked in checkMeasureSet).
 */
function checkAdditions(
  source: YamlSource,
  areas: Record<string, Loose>[],
  profile: Record<string, Loose>[],
  bands: Record<string, Loose>[],
  base: MeasureSet,
  report: Reporter,
): void {
  const name = formatSetRef(base);
  areas.forEach((area, index) => {
    const id = asString(area.id);
    if (id !== undefined && base.areas.some((a) => a.id === id)) {
      report.error(source, ["areas", index, "id"], "set/extends-change", {
        id: "set/extends-area",
        params: { id, base: name },
      });
    }
  });
  profile.forEach((field, index) => {
    const id = asString(field.id);
    if (id !== undefined && base.profile.some((p) => p.id === id)) {
      report.error(source, ["profile", index, "id"], "set/extends-change", {
        id: "set/extends-profile",
        params: { id, base: name },
      });
    }
  });
  bands.forEach((band, index) => {
    const min = asNumber(band.min);
    if (min !== undefined && (base.bands ?? []).some((b) => b.min === min)) {
      report.error(source, ["bands", index, "min"], "set/extends-change", {
        id: "set/extends-band",
        params: { min, base: name },
      });
    }
  });
}

/**
 * A measure of a set that extends another: its own id prefix, the same as the other measures the
 * set adds (`first`), and no id of the base set. Returns its prefix, when it has one.
 */
function checkAddedMeasure(
  source: YamlSource,
  measure: Record<string, Loose>,
  base: MeasureSet,
  first: { prefix: string; id: string } | undefined,
  report: Reporter,
): { prefix: string; id: string } | undefined {
  const id = asString(measure.id);
  if (id === undefined) return undefined;
  const name = formatSetRef(base);
  const prefix = /^[A-Z][A-Z0-9]*-/.exec(id)?.[0];
  if (base.measures.some((m) => m.id === id)) {
    report.error(source, ["id"], "set/extends-change", {
      id: "set/extends-measure",
      params: { id, base: name },
    });
  } else if (prefix === undefined) {
    report.error(source, ["id"], "set/extends-prefix", {
      id: "set/extends-prefix",
      params: { id, base: name },
    });
  } else if (first !== undefined && first.prefix !== prefix) {
    report.error(source, ["id"], "set/extends-prefix", {
      id: "set/extends-prefix-mixed",
      params: { id, prefix: first.prefix, first: first.id },
    });
  }
  return prefix === undefined ? undefined : { prefix, id };
}

function checkQuestion(
  source: YamlSource,
  facts: HeaderFacts,
  measureId: string | undefined,
  question: Record<string, Loose>,
  path: PathSegment[],
  report: Reporter,
): void {
  const error = (sub: PathSegment[], code: string, message: DiagnosticText, key = false) =>
    report.error(source, [...path, ...sub], code, message, key);
  const id = asString(question.id);
  if (id !== undefined && measureId !== undefined && !id.startsWith(`${measureId}.`)) {
    error(["id"], "set/question-prefix", {
      id: "set/question-prefix",
      params: { id, measure: measureId },
    });
  }
  checkWeight(source, [...path, "weight"], question.weight, "question", report);
  const target = asNumber(question.target);
  if (question.type === "number" && target !== undefined && !(target > 0)) {
    error(["target"], "set/number-target", { id: "set/number-target", params: { target } });
  }
  if (question.type === "number") checkBounds(question, target, error);
  const options = asArray(question.options).map(asRecord);
  forEachRepeat(
    options,
    (o) => asString(o.id),
    (option, index, first) =>
      error(["options", index, "id"], "set/duplicate-option", {
        id: "set/duplicate-option",
        params: {
          id: String(option.id),
          question: id,
          first: placeOf(source, [...path, "options", first, "id"]),
        },
      }),
  );
  options.forEach((option, index) => {
    const score = asNumber(option.score);
    if (score !== undefined && !(score >= 0 && score <= 1)) {
      error(["options", index, "score"], "set/option-score", {
        id: "set/option-score",
        params: { score },
      });
    }
  });
  const appliesWhen = asRecord(question.appliesWhen);
  if (!facts.profile) return;
  for (const [field, values] of Object.entries(appliesWhen)) {
    if (isExtensionKey(field)) continue;
    const profileField = facts.profile.get(field);
    if (!profileField) {
      error(
        ["appliesWhen", field],
        "set/applies-when-field",
        { id: "set/applies-when-field", params: { field, fields: [...facts.profile.keys()] } },
        true,
      );
      continue;
    }
    asArray(values).forEach((value, index) => {
      const problem = appliesWhenValueProblem(asRecord(profileField), field, value);
      if (problem) error(["appliesWhen", field, index], "set/applies-when-value", problem);
    });
  }
}

/** `min` ≤ `target` ≤ `max`; whole-number bounds (and target) for an `integer` question. */
function checkBounds(
  question: Record<string, Loose>,
  target: number | undefined,
  error: (sub: PathSegment[], code: string, message: DiagnosticText) => void,
): void {
  const min = asNumber(question.min);
  const max = asNumber(question.max);
  if (min !== undefined && max !== undefined && min > max) {
    error(["max"], "set/number-bounds", { id: "set/bounds-order", params: { min, max } });
    return;
  }
  if (target !== undefined && min !== undefined && target < min) {
    error(["target"], "set/number-bounds", {
      id: "set/target-below-min",
      params: { target, min },
    });
  }
  if (target !== undefined && max !== undefined && target > max) {
    error(["target"], "set/number-bounds", {
      id: "set/target-above-max",
      params: { target, max },
    });
  }
  if (question.integer !== true) return;
  for (const key of ["min", "max", "target"] as const) {
    const value = asNumber(question[key]);
    if (value !== undefined && !Number.isInteger(value)) {
      error([key], "set/number-bounds", { id: "set/bound-not-whole", params: { key, value } });
    }
  }
}

function checkWeight(
  source: YamlSource,
  path: PathSegment[],
  value: Loose,
  what: "area" | "measure" | "question",
  report: Reporter,
): void {
  const weight = asNumber(value);
  if (weight !== undefined && !(weight > 0)) {
    report.error(source, path, "set/weight", { id: "set/weight", params: { what, weight } });
  }
}

function appliesWhenValueProblem(
  field: Record<string, Loose>,
  fieldId: string,
  value: Loose,
): DiagnosticText | undefined {
  const params = { field: fieldId, value: String(value) };
  if (field.type === "yesno" && typeof value !== "boolean") {
    return { id: "set/applies-when-yesno", params };
  }
  if (field.type === "choice") {
    const ids = asArray(field.options).flatMap((o) => asString(asRecord(o).id) ?? []);
    if (typeof value !== "string" || !ids.includes(value)) {
      return { id: "set/applies-when-choice", params: { ...params, options: ids } };
    }
  }
  if (field.type === "text" && typeof value !== "string") {
    return { id: "set/applies-when-text", params };
  }
  return undefined;
}

/**
 * A derived field (`derive: {from, map}`) is a choice whose value follows from another choice
 * field: every option of that field maps to one of this field's options.
 */
function checkDerivation(
  source: YamlSource,
  profile: Record<string, Loose>[],
  field: Record<string, Loose>,
  index: number,
  report: Reporter,
): void {
  if (!("derive" in field)) return;
  const at: PathSegment[] = ["profile", index, "derive"];
  const id = asString(field.id) ?? "";
  const derive = asRecord(field.derive);
  if (field.type !== "choice") {
    report.error(
      source,
      at,
      "set/derive",
      { id: "set/derive-not-choice", params: { field: id } },
      true,
    );
    return;
  }
  const from = asString(derive.from);
  if (from === undefined) return;
  const sourceField = profile.find((p) => asString(p.id) === from);
  const fromProblem: DiagnosticText | undefined =
    from === id
      ? { id: "set/derive-self", params: { field: id } }
      : !sourceField
        ? { id: "set/derive-unknown", params: { from } }
        : sourceField.type !== "choice"
          ? { id: "set/derive-from-type", params: { from, type: String(sourceField.type) } }
          : "derive" in sourceField
            ? { id: "set/derive-chain", params: { from } }
            : undefined;
  if (fromProblem || !sourceField) {
    if (fromProblem) report.error(source, [...at, "from"], "set/derive", fromProblem);
    return;
  }
  const sourceOptions = asArray(sourceField.options).flatMap((o) => asString(asRecord(o).id) ?? []);
  const ownOptions = asArray(field.options).flatMap((o) => asString(asRecord(o).id) ?? []);
  const map = asRecord(derive.map);
  for (const [key, value] of Object.entries(map)) {
    if (isExtensionKey(key)) continue;
    if (!sourceOptions.includes(key)) {
      report.error(
        source,
        [...at, "map", key],
        "set/derive",
        { id: "set/derive-option", params: { option: key, from } },
        true,
      );
    } else if (typeof value === "string" && !ownOptions.includes(value)) {
      report.error(source, [...at, "map", key], "set/derive", {
        id: "set/derive-value",
        params: { value, field: id, options: ownOptions },
      });
    }
  }
  const unmapped = sourceOptions.filter((option) => !Object.hasOwn(map, option));
  if (unmapped.length > 0) {
    report.error(
      source,
      [...at, "map"],
      "set/derive",
      { id: "set/derive-unmapped", params: { field: id, from, options: unmapped } },
      true,
    );
  }
}

/**
 * Measure numbers must run 1, 2, 3… Repeats are always reported; gaps only when every measure
 * file's number is known, so one broken file does not make every later number look wrong.
 */
function checkNumbering(files: SetFiles, report: Reporter): void {
  const numbered = files.measures.flatMap(({ source, data }) => {
    const n = asNumber(asRecord(data).number);
    return n !== undefined && Number.isInteger(n) ? [{ source, n }] : [];
  });
  forEachRepeat(
    numbered,
    (m) => String(m.n),
    ({ source, n }, _index, first) =>
      report.error(source, ["number"], "set/numbering", {
        id: "set/numbering-repeat",
        params: { n, first: placeOf(numbered[first]?.source ?? source, ["number"]) },
      }),
  );
  const allKnown = files.unreadableMeasures === 0 && numbered.length === files.measures.length;
  if (!allKnown) return;
  const count = numbered.length;
  const taken = new Set(numbered.map((m) => m.n));
  for (const { source, n } of numbered) {
    if (n < 1 || n > count) {
      const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !taken.has(k));
      report.error(source, ["number"], "set/numbering", {
        id: "set/numbering-gap",
        params: { n, count, missing },
      });
    }
  }
}

/**
 * Walks any value and reports bilingual texts whose text is blank (only spaces); a missing or
 * empty `en`/`zh` is the schema's to report.
 */
function checkTranslations(
  source: YamlSource,
  value: Loose,
  path: PathSegment[],
  report: Reporter,
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTranslations(source, item, [...path, index], report));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, Loose>;
  if ("en" in record || "zh" in record) {
    for (const lang of ["en", "zh"] as const) {
      const text = record[lang];
      if (typeof text === "string" && text !== "" && text.trim() === "") {
        report.error(source, [...path, lang], "set/missing-translation", {
          id: "set/blank-translation",
          params: { lang },
        });
      }
    }
    return;
  }
  for (const [key, child] of Object.entries(record))
    checkTranslations(source, child, [...path, key], report);
}

/**
 * Calls `onRepeat` for every item whose key an earlier item already had (undefined keys skipped),
 * with the index of the first item that had it.
 */
function forEachRepeat<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
  onRepeat: (item: T, index: number, first: number) => void,
): void {
  const seen = new Map<string, number>();
  items.forEach((item, index) => {
    const k = key(item);
    if (k === undefined) return;
    const first = seen.get(k);
    if (first !== undefined) onRepeat(item, index, first);
    else seen.set(k, index);
  });
}

/** A value's place: its file and its path in it. */
interface Place {
  source: YamlSource;
  path: PathSegment[];
}

/**
 * `file:line` of the value at a path, for "first at …" in messages about repeats. Locating needs
 * the position-keeping parse, so call it only for a problem.
 */
function placeOf(source: YamlSource, path: readonly PathSegment[]): string {
  return `${source.file}:${locate(source, path).line}`;
}
