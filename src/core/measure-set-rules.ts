import type { Diagnostic, Measure, MeasureSetHeader, Question } from "./model.js";
import { diagnosticAt, type PathSegment, type YamlSource } from "./yaml-source.js";

/** A set's files after the schema check: only files that passed it are given here. */
export interface SetFiles {
  /** The folder's name, which must equal the set's version. */
  folderName: string;
  /** The name of the folder above it, which should equal the set's id. */
  parentFolderName: string;
  header: { source: YamlSource; data: MeasureSetHeader };
  measures: { source: YamlSource; data: Measure }[];
}

/** The semantic rules the schema cannot express: ids, references, weights, numbering, translations. */
export function checkMeasureSet(files: SetFiles): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { header } = files;
  const at = (
    source: YamlSource,
    path: PathSegment[],
    code: string,
    message: string,
    key = false,
  ) => out.push(diagnosticAt(source, path, "error", code, message, { key }));
  const warn = (source: YamlSource, path: PathSegment[], code: string, message: string) =>
    out.push(diagnosticAt(source, path, "warning", code, message));

  if (header.data.version !== files.folderName) {
    at(
      header.source,
      ["version"],
      "set/version-folder",
      `version "${header.data.version}" does not match its folder name "${files.folderName}"`,
    );
  }
  if (header.data.id !== files.parentFolderName) {
    warn(
      header.source,
      ["id"],
      "set/id-folder",
      `set id "${header.data.id}" does not match the folder above it ("${files.parentFolderName}"); sets live in measures/<id>/<version>/`,
    );
  }
  checkTranslations(header.source, header.data, [], out);
  checkHeader(header.source, header.data, out);

  const areaIds = new Set(header.data.areas.map((a) => a.id));
  const measuresUsingArea = new Set<string>();
  const measureIds = new Map<string, YamlSource>();
  const questionIds = new Map<string, string>();
  for (const { source, data } of files.measures) {
    checkTranslations(source, data, [], out);
    if (measureIds.has(data.id)) {
      at(
        source,
        ["id"],
        "set/duplicate-id",
        `measure id "${data.id}" is also used in ${measureIds.get(data.id)?.file ?? "another file"}`,
      );
    } else {
      measureIds.set(data.id, source);
    }
    if (!areaIds.has(data.area)) {
      at(
        source,
        ["area"],
        "set/unknown-area",
        `area "${data.area}" is not defined in set.yaml (areas: ${[...areaIds].join(", ")})`,
      );
    }
    measuresUsingArea.add(data.area);
    if (!(data.weight > 0)) {
      at(
        source,
        ["weight"],
        "set/weight",
        `measure weight must be greater than 0, not ${data.weight}`,
      );
    }
    data.questions.forEach((question, index) => {
      const path: PathSegment[] = ["questions", index];
      checkQuestion(source, header.data, data, question, path, out);
      const previous = questionIds.get(question.id);
      if (previous !== undefined) {
        at(
          source,
          [...path, "id"],
          "set/duplicate-id",
          `question id "${question.id}" is used twice (also in ${previous})`,
        );
      } else {
        questionIds.set(question.id, source.file);
      }
    });
  }
  checkNumbering(files.measures, out);
  header.data.areas.forEach((area, index) => {
    if (!measuresUsingArea.has(area.id)) {
      warn(
        header.source,
        ["areas", index, "id"],
        "set/empty-area",
        `area "${area.id}" has no measures`,
      );
    }
  });
  return out;
}

function checkHeader(source: YamlSource, header: MeasureSetHeader, out: Diagnostic[]): void {
  const error = (path: PathSegment[], code: string, message: string) =>
    out.push(diagnosticAt(source, path, "error", code, message));
  forEachRepeat(
    header.areas,
    (a) => a.id,
    (area, index) =>
      error(["areas", index, "id"], "set/duplicate-id", `area id "${area.id}" is used twice`),
  );
  header.areas.forEach((area, index) => {
    if (!(area.weight > 0)) {
      error(
        ["areas", index, "weight"],
        "set/weight",
        `area weight must be greater than 0, not ${area.weight}`,
      );
    }
  });
  forEachRepeat(
    header.profile,
    (p) => p.id,
    (field, index) =>
      error(
        ["profile", index, "id"],
        "set/duplicate-id",
        `profile field "${field.id}" is defined twice`,
      ),
  );
  header.profile.forEach((field, index) => {
    forEachRepeat(
      field.options ?? [],
      (o) => o.id,
      (option, optionIndex) =>
        error(
          ["profile", index, "options", optionIndex, "id"],
          "set/duplicate-option",
          `option id "${option.id}" is used twice in profile field "${field.id}"`,
        ),
    );
  });
  const bands = header.bands ?? [];
  forEachRepeat(
    bands,
    (b) => String(b.min),
    (band, index) =>
      error(["bands", index, "min"], "set/duplicate-band", `two bands start at ${band.min}`),
  );
  if (bands.length > 0 && !bands.some((b) => b.min === 0)) {
    out.push(
      diagnosticAt(
        source,
        ["bands"],
        "warning",
        "set/band-floor",
        "no band starts at 0, so low scores get no band label",
      ),
    );
  }
}

function checkQuestion(
  source: YamlSource,
  header: MeasureSetHeader,
  measure: Measure,
  question: Question,
  path: PathSegment[],
  out: Diagnostic[],
): void {
  const error = (sub: PathSegment[], code: string, message: string, key = false) =>
    out.push(diagnosticAt(source, [...path, ...sub], "error", code, message, { key }));
  if (!question.id.startsWith(`${measure.id}.`)) {
    error(
      ["id"],
      "set/question-prefix",
      `question id "${question.id}" must start with its measure id "${measure.id}." (e.g. ${measure.id}.Q1)`,
    );
  }
  if (!(question.weight > 0)) {
    error(
      ["weight"],
      "set/weight",
      `question weight must be greater than 0, not ${question.weight}`,
    );
  }
  if (question.type === "number" && question.target !== undefined && !(question.target > 0)) {
    error(
      ["target"],
      "set/number-target",
      `target of a number question must be greater than 0, not ${question.target}`,
    );
  }
  const options = question.options ?? [];
  forEachRepeat(
    options,
    (o) => o.id,
    (option, index) =>
      error(
        ["options", index, "id"],
        "set/duplicate-option",
        `option id "${option.id}" is used twice in ${question.id}`,
      ),
  );
  options.forEach((option, index) => {
    if (!(option.score >= 0 && option.score <= 1)) {
      error(
        ["options", index, "score"],
        "set/option-score",
        `option score must be between 0 and 1, not ${option.score}`,
      );
    }
  });
  for (const [field, values] of Object.entries(question.appliesWhen ?? {})) {
    const profileField = header.profile.find((p) => p.id === field);
    if (!profileField) {
      error(
        ["appliesWhen", field],
        "set/applies-when-field",
        `appliesWhen names "${field}", which is not a profile field (fields: ${header.profile.map((p) => p.id).join(", ")})`,
        true,
      );
      continue;
    }
    values.forEach((value, index) => {
      const problem = appliesWhenValueProblem(profileField, value);
      if (problem) error(["appliesWhen", field, index], "set/applies-when-value", problem);
    });
  }
}

function appliesWhenValueProblem(
  field: MeasureSetHeader["profile"][number],
  value: string | boolean,
): string | undefined {
  if (field.type === "yesno" && typeof value !== "boolean") {
    return `profile field "${field.id}" is yes/no, so its values are true or false, not "${String(value)}"`;
  }
  if (field.type === "choice") {
    const ids = (field.options ?? []).map((o) => o.id);
    if (typeof value !== "string" || !ids.includes(value)) {
      return `"${String(value)}" is not an option of profile field "${field.id}" (options: ${ids.join(", ")})`;
    }
  }
  if (field.type === "text" && typeof value !== "string") {
    return `profile field "${field.id}" is text, so its values are texts, not ${String(value)}`;
  }
  return undefined;
}

function checkNumbering(measures: SetFiles["measures"], out: Diagnostic[]): void {
  const sorted = [...measures].sort((a, b) => a.data.number - b.data.number);
  sorted.forEach(({ source, data }, index) => {
    const expected = index + 1;
    if (data.number !== expected) {
      out.push(
        diagnosticAt(
          source,
          ["number"],
          "error",
          "set/numbering",
          `measure numbers must run 1, 2, 3… without gaps or repeats: expected ${expected}, found ${data.number}`,
        ),
      );
    }
  });
}

/** Walks any value and reports bilingual texts where one language is present and the other blank. */
function checkTranslations(
  source: YamlSource,
  value: unknown,
  path: PathSegment[],
  out: Diagnostic[],
): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkTranslations(source, item, [...path, index], out));
    return;
  }
  if (value === null || typeof value !== "object") return;
  const record = value as Record<string, unknown>;
  if ("en" in record || "zh" in record) {
    const en = typeof record.en === "string" ? record.en.trim() : "";
    const zh = typeof record.zh === "string" ? record.zh.trim() : "";
    if (en !== "" && zh === "" && "zh" in record) {
      out.push(
        diagnosticAt(
          source,
          [...path, "zh"],
          "error",
          "set/missing-translation",
          "Chinese (zh) text is empty",
        ),
      );
    }
    if (zh !== "" && en === "" && "en" in record) {
      out.push(
        diagnosticAt(
          source,
          [...path, "en"],
          "error",
          "set/missing-translation",
          "English (en) text is empty",
        ),
      );
    }
    return;
  }
  for (const [key, child] of Object.entries(record))
    checkTranslations(source, child, [...path, key], out);
}

/** Calls `onRepeat` for every item whose key an earlier item already had. */
function forEachRepeat<T>(
  items: readonly T[],
  key: (item: T) => string,
  onRepeat: (item: T, index: number) => void,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const k = key(item);
    if (seen.has(k)) onRepeat(item, index);
    seen.add(k);
  });
}
