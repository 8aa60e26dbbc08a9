import { diagnosticAt, type PathSegment, type YamlSource } from "./yaml-source.js";
import { LANGUAGE_NAMES, type Diagnostic } from "./model.js";
import { asArray, asNumber, asRecord, asString, type Loose } from "./loose.js";

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
}

/** A place in a file, and the rules' way of reporting a problem there. */
interface Reporter {
  error(
    source: YamlSource,
    path: PathSegment[],
    code: string,
    message: string,
    key?: boolean,
  ): void;
  warning(source: YamlSource, path: PathSegment[], code: string, message: string): void;
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
  const measureIds = new Map<string, string>();
  const questionIds = new Map<string, string>();
  for (const { source, data } of files.measures) {
    const measure = asRecord(data);
    checkTranslations(source, data, [], report);
    const id = asString(measure.id);
    if (id !== undefined) {
      const previous = measureIds.get(id);
      if (previous !== undefined) {
        report.error(
          source,
          ["id"],
          "set/duplicate-id",
          `measure id "${id}" is also used in ${previous}`,
        );
      } else {
        measureIds.set(id, source.file);
      }
    }
    const area = asString(measure.area);
    if (area !== undefined) {
      measuresUsingArea.add(area);
      if (facts.areaIds && !facts.areaIds.has(area)) {
        report.error(
          source,
          ["area"],
          "set/unknown-area",
          `area "${area}" is not defined in set.yaml (areas: ${[...facts.areaIds].join(", ")})`,
        );
      }
    }
    checkWeight(source, ["weight"], measure.weight, "measure", report);
    asArray(measure.questions).forEach((question, index) => {
      const path: PathSegment[] = ["questions", index];
      const q = asRecord(question);
      checkQuestion(source, facts, id, q, path, report);
      const qid = asString(q.id);
      if (qid === undefined) return;
      const previous = questionIds.get(qid);
      if (previous !== undefined) {
        report.error(
          source,
          [...path, "id"],
          "set/duplicate-id",
          `question id "${qid}" is used twice (also in ${previous})`,
        );
      } else {
        questionIds.set(qid, source.file);
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
        report.warning(
          header.source,
          ["areas", index, "id"],
          "set/empty-area",
          `area "${areaId}" has no measures`,
        );
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
    report.error(
      source,
      ["version"],
      "set/version-folder",
      `version "${version}" does not match its folder name "${files.folderName}"`,
    );
  }
  const id = asString(header.id);
  if (id !== undefined && id !== files.parentFolderName) {
    report.warning(
      source,
      ["id"],
      "set/id-folder",
      `set id "${id}" does not match the folder above it ("${files.parentFolderName}"); sets live in measures/<id>/<version>/`,
    );
  }
  checkTranslations(source, header, [], report);

  const areas = asArray(header.areas).map(asRecord);
  forEachRepeat(
    areas,
    (a) => asString(a.id),
    (area, index) =>
      report.error(
        source,
        ["areas", index, "id"],
        "set/duplicate-id",
        `area id "${asString(area.id)}" is used twice`,
      ),
  );
  areas.forEach((area, index) =>
    checkWeight(source, ["areas", index, "weight"], area.weight, "area", report),
  );

  const profile = asArray(header.profile).map(asRecord);
  forEachRepeat(
    profile,
    (p) => asString(p.id),
    (field, index) =>
      report.error(
        source,
        ["profile", index, "id"],
        "set/duplicate-id",
        `profile field "${asString(field.id)}" is defined twice`,
      ),
  );
  profile.forEach((field, index) => {
    forEachRepeat(
      asArray(field.options).map(asRecord),
      (o) => asString(o.id),
      (option, optionIndex) =>
        report.error(
          source,
          ["profile", index, "options", optionIndex, "id"],
          "set/duplicate-option",
          `option id "${asString(option.id)}" is used twice in profile field "${asString(field.id)}"`,
        ),
    );
  });

  const bands = asArray(header.bands).map(asRecord);
  forEachRepeat(
    bands,
    (b) => (asNumber(b.min) === undefined ? undefined : String(b.min)),
    (band, index) =>
      report.error(
        source,
        ["bands", index, "min"],
        "set/duplicate-band",
        `two bands start at ${String(band.min)}`,
      ),
  );
  if (bands.length > 0 && !bands.some((b) => b.min === 0)) {
    report.warning(
      source,
      ["bands"],
      "set/band-floor",
      "no band starts at 0, so low scores get no band label",
    );
  }

  const areaIds = Array.isArray(header.areas)
    ? new Set(areas.map((a) => asString(a.id)).filter((a): a is string => a !== undefined))
    : undefined;
  const profileFields = Array.isArray(header.profile)
    ? new Map(
        profile.flatMap((p) =>
          asString(p.id) === undefined ? [] : [[asString(p.id) as string, p]],
        ),
      )
    : undefined;
  return { areaIds, profile: profileFields };
}

function checkQuestion(
  source: YamlSource,
  facts: HeaderFacts,
  measureId: string | undefined,
  question: Record<string, Loose>,
  path: PathSegment[],
  report: Reporter,
): void {
  const error = (sub: PathSegment[], code: string, message: string, key = false) =>
    report.error(source, [...path, ...sub], code, message, key);
  const id = asString(question.id);
  if (id !== undefined && measureId !== undefined && !id.startsWith(`${measureId}.`)) {
    error(
      ["id"],
      "set/question-prefix",
      `question id "${id}" must start with its measure id "${measureId}." (e.g. ${measureId}.Q1)`,
    );
  }
  checkWeight(source, [...path, "weight"], question.weight, "question", report);
  const target = asNumber(question.target);
  if (question.type === "number" && target !== undefined && !(target > 0)) {
    error(
      ["target"],
      "set/number-target",
      `target of a number question must be greater than 0, not ${target}`,
    );
  }
  const options = asArray(question.options).map(asRecord);
  forEachRepeat(
    options,
    (o) => asString(o.id),
    (option, index) =>
      error(
        ["options", index, "id"],
        "set/duplicate-option",
        `option id "${asString(option.id)}" is used twice in ${id ?? "this question"}`,
      ),
  );
  options.forEach((option, index) => {
    const score = asNumber(option.score);
    if (score !== undefined && !(score >= 0 && score <= 1)) {
      error(
        ["options", index, "score"],
        "set/option-score",
        `option score must be between 0 and 1, not ${score}`,
      );
    }
  });
  const appliesWhen = asRecord(question.appliesWhen);
  if (!facts.profile) return;
  for (const [field, values] of Object.entries(appliesWhen)) {
    const profileField = facts.profile.get(field);
    if (!profileField) {
      error(
        ["appliesWhen", field],
        "set/applies-when-field",
        `appliesWhen names "${field}", which is not a profile field (fields: ${[...facts.profile.keys()].join(", ")})`,
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

function checkWeight(
  source: YamlSource,
  path: PathSegment[],
  value: Loose,
  what: "area" | "measure" | "question",
  report: Reporter,
): void {
  const weight = asNumber(value);
  if (weight !== undefined && !(weight > 0)) {
    report.error(
      source,
      path,
      "set/weight",
      `${what} weight must be greater than 0, not ${weight}`,
    );
  }
}

function appliesWhenValueProblem(
  field: Record<string, Loose>,
  fieldId: string,
  value: Loose,
): string | undefined {
  if (field.type === "yesno" && typeof value !== "boolean") {
    return `profile field "${fieldId}" is yes/no, so its values are true or false, not "${String(value)}"`;
  }
  if (field.type === "choice") {
    const ids = asArray(field.options).map((o) => asString(asRecord(o).id));
    if (typeof value !== "string" || !ids.includes(value)) {
      return `"${String(value)}" is not an option of profile field "${fieldId}" (options: ${ids.join(", ")})`;
    }
  }
  if (field.type === "text" && typeof value !== "string") {
    return `profile field "${fieldId}" is text, so its values are texts, not ${String(value)}`;
  }
  return undefined;
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
    ({ source, n }) =>
      report.error(
        source,
        ["number"],
        "set/numbering",
        `measure number ${n} is used by another measure too`,
      ),
  );
  const allKnown = files.unreadableMeasures === 0 && numbered.length === files.measures.length;
  if (!allKnown) return;
  const count = numbered.length;
  const taken = new Set(numbered.map((m) => m.n));
  for (const { source, n } of numbered) {
    if (n < 1 || n > count) {
      const missing = Array.from({ length: count }, (_, i) => i + 1).filter((k) => !taken.has(k));
      report.error(
        source,
        ["number"],
        "set/numbering",
        `measure numbers must run 1…${count} without gaps: found ${n}` +
          (missing.length > 0
            ? `, while ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing`
            : ""),
      );
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
        report.error(
          source,
          [...path, lang],
          "set/missing-translation",
          `${LANGUAGE_NAMES[lang]} text is blank`,
        );
      }
    }
    return;
  }
  for (const [key, child] of Object.entries(record))
    checkTranslations(source, child, [...path, key], report);
}

/** Calls `onRepeat` for every item whose key an earlier item already had (undefined keys skipped). */
function forEachRepeat<T>(
  items: readonly T[],
  key: (item: T) => string | undefined,
  onRepeat: (item: T, index: number) => void,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (k === undefined) return;
    if (seen.has(k)) onRepeat(item, index);
    seen.add(k);
  });
}
